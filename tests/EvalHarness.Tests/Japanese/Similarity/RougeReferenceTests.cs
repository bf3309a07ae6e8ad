using System.Text.Json;
using EvalHarness.Scorers.Similarity.Rouge;
using EvalHarness.Scorers.Tokenization;
using EvalHarness.Cli;
using EvalHarness.Japanese.Tokenization;

namespace EvalHarness.Tests.Japanese.Similarity;

/// <summary>
/// ROUGE-1/2/L against rouge_ja.json: every case, precision, recall and F of each variant with the counts
/// behind them. The expected values were produced by gen_rouge_ja.py (Python 3.11.2 on Debian 12) with
/// google-research rouge-score's definitions (<c>_score_ngrams</c>, <c>_score_lcs</c>,
/// <c>scoring.fmeasure</c>, no stemming) on MeCab 0.996 + IPAdic 2.7.0-20070801 <c>-Owakati</c> tokens, and
/// recomputed there with rouge-score's own scoring functions (max_abs_diff 0.0). They are ratios of
/// integers, so they are compared exactly.
/// </summary>
[TestFixture]
public sealed class RougeReferenceTests
{
    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.RougeCaseIds))]
    public void Rouge_matches_the_reference_on_the_given_tokens(string id)
    {
        var c = SimilarityVectors.RougeCase(id);
        AssertAll(c, c.Strings("hypothesis_tokens"), c.Strings("reference_tokens"));
    }

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.RougeCaseIds))]
    public void Rouge_matches_the_reference_with_mecab_tokenisation(string id)
    {
        // The tokens come from Debian's MeCab here instead of the file.
        var c = SimilarityVectors.RougeCase(id);
        AssertAll(c, JaMecabTokenizer.Default.Tokenize(c.Text("hypothesis")), JaMecabTokenizer.Default.Tokenize(c.Text("reference")));
    }

    [Test]
    public void Mean_f_measures_over_the_file_s_f_measures_are_the_reference_means()
    {
        // mean_fmeasure is a plain mean of the per-case F-measures (not rouge-score's bootstrap aggregate);
        // summed left to right in file order, as Python's sum() does, it is reproduced exactly.
        var means = SimilarityVectors.RougeMeans();
        var cases = SimilarityVectors.RougeCases();
        using (Assert.EnterMultipleScope())
        {
            foreach (var variant in new[] { "rouge1", "rouge2", "rougeL" })
            {
                var sum = 0.0;
                foreach (var c in cases)
                {
                    sum += c.GetProperty(variant).Number("fmeasure");
                }

                SimilarityVectors.AssertExactly(sum / cases.Count, means.Number(variant), variant);
            }
        }
    }

    private static void AssertAll(JsonElement c, IReadOnlyList<string> hypothesis, IReadOnlyList<string> reference)
    {
        var id = c.Text("id");
        using (Assert.EnterMultipleScope())
        {
            AssertN(RougeMeasures.N(hypothesis, reference, 1), c.GetProperty("rouge1"), id + " rouge1");
            AssertN(RougeMeasures.N(hypothesis, reference, 2), c.GetProperty("rouge2"), id + " rouge2");
            var l = RougeMeasures.L(hypothesis, reference);
            var expected = c.GetProperty("rougeL");
            Assert.That(l.Matches, Is.EqualTo(expected.GetProperty("lcs").GetInt64()), id + " lcs");
            Assert.That(l.HypothesisCount, Is.EqualTo(expected.GetProperty("hyp_tokens").GetInt64()), id + " hyp_tokens");
            Assert.That(l.ReferenceCount, Is.EqualTo(expected.GetProperty("ref_tokens").GetInt64()), id + " ref_tokens");
            AssertRatios(l, expected, id + " rougeL");
        }
    }

    private static void AssertN(RougeScore actual, JsonElement expected, string what)
    {
        Assert.That(actual.Matches, Is.EqualTo(expected.GetProperty("overlap").GetInt64()), what + " overlap");
        Assert.That(actual.HypothesisCount, Is.EqualTo(expected.GetProperty("hyp_ngrams").GetInt64()), what + " hyp_ngrams");
        Assert.That(actual.ReferenceCount, Is.EqualTo(expected.GetProperty("ref_ngrams").GetInt64()), what + " ref_ngrams");
        AssertRatios(actual, expected, what);
    }

    internal static void AssertRatios(RougeScore actual, JsonElement expected, string what)
    {
        SimilarityVectors.AssertExactly(actual.Precision, expected.Number("precision"), what + " precision");
        SimilarityVectors.AssertExactly(actual.Recall, expected.Number("recall"), what + " recall");
        SimilarityVectors.AssertExactly(actual.FMeasure, expected.Number("fmeasure"), what + " fmeasure");
    }
}
