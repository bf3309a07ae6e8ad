using EvalHarness.Japanese.Qa;

namespace EvalHarness.Tests.Japanese.Qa;

/// <summary>
/// The Python 3 string semantics fuzzywuzzy and llm-jp-eval rely on. Expected values are Python 3.11's
/// (re's <c>\w</c>, <c>str.lower()</c>, <c>str.isspace()</c>, <c>str.strip()</c>), checked by hand against it.
/// </summary>
[TestFixture]
public sealed class PythonTextTests
{
    [TestCase('_', true)]
    [TestCase('a', true)]
    [TestCase('あ', true)]
    [TestCase(0xB2, true, Description = "² is No: a word character for Python, not for .NET")]
    [TestCase(0x2460, true, Description = "① is No")]
    [TestCase(0x2162, true, Description = "Ⅲ is Nl")]
    [TestCase(0xFF9E, true, Description = "half-width voiced mark is Lm")]
    [TestCase(0x20BB7, true, Description = "𠮷, a non-BMP Lo")]
    [TestCase(0x0301, false, Description = "combining acute is Mn: a word character for .NET, not for Python")]
    [TestCase(0x0903, false, Description = "Devanagari visarga is Mc")]
    [TestCase(0xFF3F, false, Description = "full-width low line is Pc; only '_' of Pc is a word character")]
    [TestCase(0x203F, false, Description = "undertie is Pc")]
    [TestCase(0xE0100, false, Description = "variation selector 17, non-BMP Mn")]
    [TestCase(0x3231, false, Description = "㈱ is So")]
    [TestCase(0x1F44D, false)]
    [TestCase(0xD800, false, Description = "a lone surrogate is Cs")]
    public void Word_characters_follow_python_regex(int codePoint, bool expected)
    {
        Assert.That(PythonText.IsWord(codePoint), Is.EqualTo(expected));
    }

    [TestCase(0x20, true)]
    [TestCase(0x09, true)]
    [TestCase(0x1C, true, Description = "file separator: whitespace for Python, not for .NET")]
    [TestCase(0x1F, true)]
    [TestCase(0x85, true)]
    [TestCase(0xA0, true)]
    [TestCase(0x3000, true)]
    [TestCase(0x2028, true)]
    [TestCase(0x200B, false, Description = "zero-width space is Cf")]
    [TestCase(0x180E, false)]
    [TestCase(0xFEFF, false)]
    [TestCase('a', false)]
    public void Whitespace_follows_python_isspace(int codePoint, bool expected)
    {
        Assert.That(PythonText.IsSpace(codePoint), Is.EqualTo(expected));
    }

    [TestCase("\u3000 答え \u001c\n", "答え")]
    [TestCase("\u200b答え", "\u200b答え")]
    [TestCase("答え", "答え")]
    [TestCase(" \t ", "")]
    public void Strip_removes_python_whitespace_at_both_ends(string text, string expected)
    {
        Assert.That(PythonText.Strip(text), Is.EqualTo(expected));
    }

    [TestCase("İstanbul", "i\u0307stanbul", Description = "SpecialCasing: one code point becomes two")]
    [TestCase("Ⅲ", "ⅲ")]
    [TestCase("ẞ", "ß")]
    [TestCase("\U00010400", "\U00010428", Description = "Deseret, outside the BMP")]
    [TestCase("ΟΔΟΣ", "οδος", Description = "final sigma")]
    [TestCase("ΑΣ Β", "ας β")]
    [TestCase("A\u0301Σ", "a\u0301ς", Description = "a case-ignorable mark between the letter and Σ")]
    [TestCase("ΑΣ.Β", "ασ.β", Description = "'.' is case-ignorable, so a cased letter follows Σ")]
    [TestCase("Σ", "σ", Description = "no cased letter before it")]
    [TestCase("ΣΑ", "σα")]
    public void Lower_casing_is_pythons_full_mapping(string text, string expected)
    {
        var lowered = PythonLowerCase.Lower(PythonText.CodePoints(text));

        Assert.That(PythonText.ToText(lowered), Is.EqualTo(expected));
    }

    [Test]
    public void Code_points_count_a_surrogate_pair_once_and_keep_a_lone_surrogate()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PythonText.CodePoints("a𩸽"), Is.EqualTo(new[] { 0x61, 0x29E3D }));
            Assert.That(PythonText.CodePoints("a\ud800b"), Is.EqualTo(new[] { 0x61, 0xD800, 0x62 }));
            Assert.That(PythonText.ToText(PythonText.CodePoints("x\udc00𩸽\ud800")), Is.EqualTo("x\udc00𩸽\ud800"));
        }
    }

    [Test]
    public void Nfkc_normalises_around_a_lone_surrogate_instead_of_throwing()
    {
        Assert.That(PythonText.Nfkc("ｶﾞ\ud800①ｶ"), Is.EqualTo("ガ\ud8001カ"));
    }

    [TestCase("b a", "a b")]
    [TestCase("ab a", "a ab", Description = "a prefix sorts first")]
    [TestCase("  東京、大阪。 ", "大阪 東京", Description = "punctuation separates tokens; 大 U+5927 < 東 U+6771")]
    [TestCase("Ｔｏｋｙｏ", "ｔｏｋｙｏ", Description = "full-width letters are word characters and are lower-cased, not folded")]
    [TestCase("café", "caf", Description = "U+00E9 is deleted by fuzzywuzzy's ASCII filter")]
    [TestCase("👍", "")]
    public void Process_follows_fuzzywuzzy(string text, string expected)
    {
        Assert.That(TokenSortRatio.Process(text), Is.EqualTo(expected));
    }

    [TestCase(9, 30, 50, 22, Description = "22.5 rounds half to even, down")]
    [TestCase(27, 34, 46, 68, Description = "67.5 rounds half to even, up")]
    [TestCase(109, 200, 200, 55, Description = "218 / 400 * 100 is 54.50000000000001 as a double")]
    public void Rounding_is_half_to_even_on_the_double(int lcs, int lengthA, int lengthB, int expected)
    {
        Assert.That(TokenSortRatio.RoundedPercent(lcs, lengthA, lengthB), Is.EqualTo(expected));
    }
}
