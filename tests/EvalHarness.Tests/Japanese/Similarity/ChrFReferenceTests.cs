using EvalHarness.Scorers.Similarity.ChrF;

namespace EvalHarness.Tests.Japanese.Similarity;

/// <summary>
/// chrF and chrF++ against bleu_chrf.json: every case, every corpus. The expected values were produced by
/// sacreBLEU 2.6.0 (Python 3.11.2 on Debian 12, gen_bleu_chrf.py) with its defaults:
/// <c>CHRF().sentence_score(hyp, [ref])</c> and <c>CHRF(word_order=2)</c> for chrF++ (character order 6,
/// beta 2, whitespace excluded, no eps smoothing), <c>corpus_score</c> for the corpora. The n-gram
/// statistics are integers and compared exactly; the scores are compared exactly too
/// (<see cref="SimilarityVectors.AssertExactly(double, double, string)"/>).
/// </summary>
[TestFixture]
public sealed class ChrFReferenceTests
{
    private static readonly (int WordOrder, string Block)[] Variants = [(0, "sentence_chrf"), (2, "sentence_chrfpp")];

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.BleuChrFCaseIds))]
    public void Sentence_chrf_and_chrfpp_match_sacrebleu(string id)
    {
        var c = SimilarityVectors.BleuChrFCase(id);
        using (Assert.EnterMultipleScope())
        {
            foreach (var (wordOrder, block) in Variants)
            {
                var expected = c.GetProperty(block);
                var statistics = SacreChrF.Statistics(c.Text("hypothesis"), [c.Text("reference")], SacreChrF.DefaultCharOrder, wordOrder);
                Assert.That(statistics.Values, Is.EqualTo(expected.Longs("stats")), $"{id} {block} stats");
                SimilarityVectors.AssertExactly(SacreChrF.Score(statistics), expected.Number("score"), $"{id} {block} score from the statistics");
                SimilarityVectors.AssertExactly(SacreChrF.SentenceScore(c.Text("hypothesis"), [c.Text("reference")], wordOrder), expected.Number("score"), $"{id} {block} sentence score");
            }
        }
    }

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.CorpusNames))]
    public void Corpus_chrf_and_chrfpp_match_sacrebleu(string corpus)
    {
        var (hypotheses, references) = SimilarityVectors.CorpusMembers(corpus);
        using (Assert.EnterMultipleScope())
        {
            SimilarityVectors.AssertExactly(SacreChrF.CorpusScore(hypotheses, references, 0), SimilarityVectors.Corpus(corpus).GetProperty("corpus_chrf").Number("score"), corpus + " chrF");
            SimilarityVectors.AssertExactly(SacreChrF.CorpusScore(hypotheses, references, 2), SimilarityVectors.Corpus(corpus).GetProperty("corpus_chrfpp").Number("score"), corpus + " chrF++");
        }
    }
}
