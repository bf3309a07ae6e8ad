using EvalHarness.Scorers.Tokenization;

namespace EvalHarness.Tests.Japanese.Similarity;

/// <summary>Python 3.11's str.isspace/strip/split, which sacreBLEU and rouge-score rely on, and chrF++'s word splitting.</summary>
[TestFixture]
public sealed class PythonTextTests
{
    // Python 3.11: ''.join(chr(c) for c in range(0x110000) if chr(c).isspace()).
    private const string PythonSpaces = "\t\n\u000B\u000C\r\u001C\u001D\u001E\u001F \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    [Test]
    public void Whitespace_is_exactly_pythons_isspace_set()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.That(PythonWhitespace.IsSpace((char)c), Is.EqualTo(PythonSpaces.Contains((char)c, StringComparison.Ordinal)), $"U+{c:X4}");
        }
    }

    [Test]
    public void Strip_and_split_treat_unicode_spaces_as_python_does()
    {
        Assert.That(PythonWhitespace.Strip("\u3000 本日\u00A0です\u001F\n"), Is.EqualTo("本日\u00A0です"));
        Assert.That(PythonWhitespace.RStrip("\u3000本日\u3000"), Is.EqualTo("\u3000本日"));
        Assert.That(PythonWhitespace.Split("a\u3000b\u200Bc  \u2003d"), Is.EqualTo(new[] { "a", "b\u200Bc", "d" }));
        Assert.That(PythonWhitespace.Split(" \u3000 "), Is.Empty);
    }

    [TestCase("(hi)", new[] { "(hi", ")" })]
    [TestCase("hello,", new[] { "hello", "," })]
    [TestCase("'tis", new[] { "'", "tis" })]
    [TestCase("a", new[] { "a" })]
    [TestCase(".", new[] { "." })]
    [TestCase("..", new[] { ".", "." })]
    [TestCase("𩸽.", new[] { "𩸽", "." })]
    [TestCase("𩸽", new[] { "𩸽" })]
    [TestCase("「答え」。", new[] { "「答え」。" })]
    [TestCase("x y\u3000z!", new[] { "x", "y", "z", "!" })]
    public void ChrF_words_split_one_ascii_punctuation_mark_off_the_end_or_else_the_start(string sentence, string[] expected)
    {
        // sacreBLEU 2.6.0 CHRF._remove_punctuation: string.punctuation only, the end before the start, one mark.
        Assert.That(ChrFWords.Split(sentence), Is.EqualTo(expected));
    }
}
