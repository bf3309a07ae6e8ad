using System.Text.Json;
using EvalHarness.Scorers.Similarity.Bleu;
using EvalHarness.Scorers.Tokenization;
using EvalHarness.Cli;
using EvalHarness.Japanese.Tokenization;

namespace EvalHarness.Tests.Japanese.Similarity;

/// <summary>
/// BLEU against bleu_chrf.json: every case with both tokenizers, every corpus. The expected values were
/// produced by sacreBLEU 2.6.0 (tag v2.6.0 run from source, Python 3.11.2 on Debian 12, gen_bleu_chrf.py):
/// <c>BLEU(tokenize=T, effective_order=True).sentence_score(hyp, [ref])</c> for sentences and
/// <c>BLEU(tokenize=T).corpus_score(hyps, [refs])</c> for corpora, T being <c>ja-mecab</c> (MeCab 0.996 +
/// IPAdic 2.7.0-20070801) or <c>13a</c>. Counts are compared exactly, and so are the doubles
/// (<see cref="SimilarityVectors.AssertExactly(double, double, string)"/> says why).
/// </summary>
[TestFixture]
public sealed class BleuReferenceTests
{
    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.BleuChrFCaseTokenizerIds))]
    public void Sentence_bleu_matches_sacrebleu(string id, string tokenizer)
    {
        var c = SimilarityVectors.BleuChrFCase(id);
        var actual = SacreBleu.SentenceScore(c.Text("hypothesis"), [c.Text("reference")], Composition.Catalog.Tokenizers.Get(tokenizer));

        AssertBleu(actual, c.GetProperty("sentence_bleu").GetProperty(tokenizer), $"{id} {tokenizer}");
    }

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.CorpusTokenizerNames))]
    public void Corpus_bleu_matches_sacrebleu(string corpus, string tokenizer)
    {
        var (hypotheses, references) = SimilarityVectors.CorpusMembers(corpus);
        var actual = SacreBleu.CorpusScore(hypotheses, references, Composition.Catalog.Tokenizers.Get(tokenizer));

        AssertBleu(actual, SimilarityVectors.Corpus(corpus).GetProperty("corpus_bleu_" + tokenizer), $"corpus {corpus} {tokenizer}");
    }

    [Test]
    public void Sentence_and_corpus_bleu_differ_only_in_effective_order()
    {
        // sacreBLEU 2.6.0 on ja02 (one token each side): sentence BLEU 100.00000000000004 (orders without
        // n-grams are left out); without effective order the missing bigrams give precision 0 and BLEU 0.
        var statistics = SacreBleu.SegmentStatistics("信濃川", ["信濃川"], JaMecabTokenizer.Default);
        Assert.That(SacreBleu.Compute(statistics, effectiveOrder: true).Score, Is.EqualTo(SimilarityVectors.BleuChrFCase("ja02").GetProperty("sentence_bleu").GetProperty("ja-mecab").Number("score")));
        Assert.That(SacreBleu.Compute(statistics, effectiveOrder: false).Score, Is.Zero);
    }

    /// <summary>Every field sacreBLEU reported: counts, totals, lengths exactly; precisions, bp and score exactly too.</summary>
    internal static void AssertBleu(BleuScore actual, JsonElement expected, string what)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual.Counts, Is.EqualTo(expected.Longs("counts")), what + " counts");
            Assert.That(actual.Totals, Is.EqualTo(expected.Longs("totals")), what + " totals");
            Assert.That(actual.SysLen, Is.EqualTo(expected.GetProperty("sys_len").GetInt64()), what + " sys_len");
            Assert.That(actual.RefLen, Is.EqualTo(expected.GetProperty("ref_len").GetInt64()), what + " ref_len");
            SimilarityVectors.AssertExactly(actual.Precisions, expected.Doubles("precisions"), what + " precisions");
            SimilarityVectors.AssertExactly(actual.BrevityPenalty, expected.Number("bp"), what + " bp");
            SimilarityVectors.AssertExactly(actual.Score, expected.Number("score"), what + " score");
        }
    }
}
