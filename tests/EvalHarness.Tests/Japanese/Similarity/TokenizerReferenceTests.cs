using EvalHarness.Scorers.Tokenization;
using EvalHarness.Cli;
using EvalHarness.Japanese.Tokenization;

namespace EvalHarness.Tests.Japanese.Similarity;

/// <summary>
/// Tokenizer output against bleu_chrf.json (the "tokenized" strings sacreBLEU 2.6.0's ja-mecab and 13a
/// tokenizers produced, gen_bleu_chrf.py) and the MeCab tokens of rouge_ja.json (gen_rouge_ja.py), every case.
/// </summary>
[TestFixture]
public sealed class TokenizerReferenceTests
{
    private static readonly string[] Sides = ["hypothesis", "reference"];

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.BleuChrFCaseTokenizerIds))]
    public void Tokenizer_output_equals_sacrebleu(string id, string name)
    {
        // Expected strings: sacreBLEU 2.6.0's tokenizer on hyp.rstrip() ("tokenized" in bleu_chrf.json);
        // ja-mecab there is MeCab 0.996 with the upstream IPAdic, which tokenises these sentences as Debian's does.
        var tokenizer = Composition.Catalog.Tokenizers.Get(name);
        var c = SimilarityVectors.BleuChrFCase(id);
        using (Assert.EnterMultipleScope())
        {
            foreach (var side in Sides)
            {
                var input = PythonWhitespace.RStrip(c.Text(side));
                var expected = c.GetProperty("tokenized").GetProperty(name).Text(side);
                Assert.That(tokenizer.Apply(input), Is.EqualTo(expected), $"{id} {side} ({name})");
                Assert.That(tokenizer.Tokenize(input), Is.EqualTo(PythonWhitespace.Split(expected)), $"{id} {side} tokens ({name})");
            }
        }
    }

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.RougeCaseIds))]
    public void Mecab_tokens_equal_the_rouge_reference_tokens(string id)
    {
        // Expected tokens: rouge_ja.json (MeCab -Owakati output split with Python's str.split()).
        var c = SimilarityVectors.RougeCase(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JaMecabTokenizer.Default.Tokenize(c.Text("hypothesis")), Is.EqualTo(c.Strings("hypothesis_tokens")), id + " hypothesis");
            Assert.That(JaMecabTokenizer.Default.Tokenize(c.Text("reference")), Is.EqualTo(c.Strings("reference_tokens")), id + " reference");
        }
    }

    [Test]
    public void Signature_names_the_mecab_version_as_sacrebleu_does()
    {
        // sacreBLEU 2.6.0's signature for this tokenizer: "tok:ja-mecab-0.996-IPA" (bleu_chrf.json "signatures").
        Assert.That(JaMecabTokenizer.Default.Signature, Is.EqualTo("ja-mecab-0.996-IPA"));
        Assert.That(Tokenizer13a.Instance.Signature, Is.EqualTo("13a"));
    }

    [Test]
    public void Mecab_ideographic_space_tokens_vanish_as_in_pythons_split()
    {
        // MeCab emits U+3000 as a surface; sacreBLEU's str.split() of the -Owakati line drops it.
        var tokens = JaMecabTokenizer.Default.Tokenize("本日\u3000です");
        Assert.That(tokens, Is.EqualTo(new[] { "本日", "です" }));
        Assert.That(JaMecabTokenizer.Default.Apply("本日\u3000です"), Is.EqualTo("本日 \u3000 です"));
    }

    [TestCase("AT&amp;T &lt;b&gt; &quot;x&quot;", "AT & T < b > \" x \"")]
    [TestCase("state-of-the-art, 1,000.5 and 3-4.", "state-of-the-art , 1,000.5 and 3 - 4 .")]
    [TestCase("line one-\nline two\nend<skipped>", "line oneline two end")]
    [TestCase("(see Fig. 3).", "( see Fig . 3 ) .")]
    [TestCase("  \u3000spaced\u001Cout\u3000 ", "spaced out")]
    public void Thirteen_a_follows_mteval(string input, string expected)
    {
        // Hand-derived from sacreBLEU 2.6.0's tokenizer_13a.py / tokenizer_re.py rules (replacements, four regexes, str.split()).
        Assert.That(Tokenizer13a.Instance.Apply(input), Is.EqualTo(expected));
    }
}
