using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Scorers.Similarity.Bleu;
using EvalHarness.Scorers.Similarity.ChrF;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Japanese.Similarity;

/// <summary>
/// The bleu, chrf and rouge scorers as a suite uses them (options, sample language, the score's value and
/// metadata), case by case against the reference vectors: bleu_chrf.json from sacreBLEU 2.6.0
/// (gen_bleu_chrf.py: <c>BLEU(tokenize=T, effective_order=True).sentence_score</c>, <c>CHRF()</c>,
/// <c>CHRF(word_order=2)</c>, and sacreBLEU's own signature strings) and rouge_ja.json (gen_rouge_ja.py,
/// rouge-score's definitions on MeCab tokens). Values are compared exactly
/// (<see cref="SimilarityVectors.AssertExactly(double, double, string)"/>).
/// </summary>
[TestFixture]
public sealed class ScorerReferenceTests
{
    private static IScorer Scorer(string name, string options) =>
        TestScorers.Factory(name).Create(Options.Of(options));

    private static Task<Score> ScoreAsync(IScorer scorer, string hypothesis, string reference, string language) =>
        scorer.ScoreAsync(Samples.Input(Samples.Make(targets: [reference], language: language), hypothesis), CancellationToken.None);

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.BleuChrFCaseTokenizerIds))]
    public async Task Bleu_scorer_value_statistics_and_signature_match_sacrebleu(string id, string tokenizer)
    {
        var c = SimilarityVectors.BleuChrFCase(id);
        var score = await ScoreAsync(Scorer("bleu", $$"""{"tokenize": "{{tokenizer}}"}"""), c.Text("hypothesis"), c.Text("reference"), c.Text("lang"));

        AssertBleuScore(score, c.GetProperty("sentence_bleu").GetProperty(tokenizer), tokenizer, $"{id} {tokenizer}");
    }

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.BleuChrFCaseIds))]
    public async Task Bleu_scorer_with_auto_picks_sacrebleu_s_tokenizer_for_the_language(string id)
    {
        // auto: ja-mecab for a Japanese sample, 13a (sacreBLEU's default) otherwise.
        var c = SimilarityVectors.BleuChrFCase(id);
        var tokenizer = c.Text("lang") == "ja" ? "ja-mecab" : "13a";
        var score = await ScoreAsync(Scorer("bleu", "{}"), c.Text("hypothesis"), c.Text("reference"), c.Text("lang"));

        AssertBleuScore(score, c.GetProperty("sentence_bleu").GetProperty(tokenizer), tokenizer, $"{id} auto");
    }

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.BleuChrFCaseIds))]
    public async Task Chrf_scorer_value_statistics_and_signature_match_sacrebleu(string id)
    {
        var c = SimilarityVectors.BleuChrFCase(id);
        var signatures = SimilarityVectors.BleuChrF.GetProperty("signatures");
        using (Assert.EnterMultipleScope())
        {
            foreach (var (wordOrder, block, signature) in new[] { (0, "sentence_chrf", "chrf"), (2, "sentence_chrfpp", "chrfpp") })
            {
                var score = await ScoreAsync(Scorer("chrf", $$"""{"word_order": {{wordOrder}}}"""), c.Text("hypothesis"), c.Text("reference"), c.Text("lang"));
                var expected = c.GetProperty(block);
                var what = $"{id} {block}";
                Assert.That(score.Error, Is.Null, what);
                SimilarityVectors.AssertExactly(score.Value!.Value, expected.Number("score"), what + " value");
                var statistics = ChrFStatistics.ReadFrom(Roundtrip(score.Metadata))!;
                Assert.That(statistics.Values, Is.EqualTo(expected.Longs("stats")), what + " stats in the metadata");
                Assert.That((statistics.CharOrder, statistics.WordOrder), Is.EqualTo((6, wordOrder)), what + " orders");
                Assert.That(score.Metadata!["signature"]!.GetValue<string>(), Is.EqualTo(signatures.Text(signature)), what + " signature");
            }
        }
    }

    [TestCaseSource(typeof(SimilarityVectors), nameof(SimilarityVectors.RougeCaseIds))]
    public async Task Rouge_scorer_value_and_metadata_match_the_reference(string id)
    {
        var c = SimilarityVectors.RougeCase(id);
        using (Assert.EnterMultipleScope())
        {
            foreach (var variant in new[] { "rouge1", "rouge2", "rougeL" })
            {
                foreach (var options in new[] { $$"""{"variant": "{{variant}}"}""", $$"""{"variant": "{{variant}}", "tokenize": "ja-mecab"}""" })
                {
                    var score = await ScoreAsync(Scorer("rouge", options), c.Text("hypothesis"), c.Text("reference"), "ja");
                    var expected = c.GetProperty(variant);
                    var what = $"{id} {options}";
                    Assert.That(score.Error, Is.Null, what);
                    var metadata = score.Metadata!;
                    SimilarityVectors.AssertExactly(score.Value!.Value, expected.Number("fmeasure"), what + " value (F)");
                    SimilarityVectors.AssertExactly(metadata["precision"]!.GetValue<double>(), expected.Number("precision"), what + " precision");
                    SimilarityVectors.AssertExactly(metadata["recall"]!.GetValue<double>(), expected.Number("recall"), what + " recall");
                    Assert.That(metadata["matches"]!.GetValue<long>(), Is.EqualTo(expected.GetProperty(variant == "rougeL" ? "lcs" : "overlap").GetInt64()), what + " matches");
                    Assert.That(metadata["hypothesis_count"]!.GetValue<long>(), Is.EqualTo(expected.GetProperty(variant == "rougeL" ? "hyp_tokens" : "hyp_ngrams").GetInt64()), what + " hypothesis count");
                    Assert.That(metadata["reference_count"]!.GetValue<long>(), Is.EqualTo(expected.GetProperty(variant == "rougeL" ? "ref_tokens" : "ref_ngrams").GetInt64()), what + " reference count");
                    Assert.That(metadata["tokenizer"]!.GetValue<string>(), Is.EqualTo("ja-mecab"), what + " tokenizer");
                }
            }
        }
    }

    private static void AssertBleuScore(Score score, JsonElement expected, string tokenizer, string what)
    {
        Assert.That(score.Error, Is.Null, what);
        var metadata = Roundtrip(score.Metadata);
        var statistics = BleuStatistics.ReadFrom(metadata)!;
        using (Assert.EnterMultipleScope())
        {
            SimilarityVectors.AssertExactly(score.Value!.Value, expected.Number("score"), what + " value");
            Assert.That(statistics.Counts, Is.EqualTo(expected.Longs("counts")), what + " counts");
            Assert.That(statistics.Totals, Is.EqualTo(expected.Longs("totals")), what + " totals");
            Assert.That((statistics.SysLen, statistics.RefLen), Is.EqualTo((expected.GetProperty("sys_len").GetInt64(), expected.GetProperty("ref_len").GetInt64())), what + " lengths");
            SimilarityVectors.AssertExactly(metadata["precisions"]!.AsArray().Select(p => p!.GetValue<double>()).ToList(), expected.Doubles("precisions"), what + " precisions");
            SimilarityVectors.AssertExactly(metadata["bp"]!.GetValue<double>(), expected.Number("bp"), what + " bp");
            Assert.That(metadata["tokenizer"]!.GetValue<string>(), Is.EqualTo(tokenizer), what + " tokenizer");
            Assert.That(metadata["signature"]!.GetValue<string>(), Is.EqualTo(SimilarityVectors.BleuChrF.GetProperty("signatures").GetProperty("sentence_bleu").Text(tokenizer)), what + " signature");
        }
    }

    /// <summary>The metadata as it comes back from the run log: through JSON text.</summary>
    private static JsonObject Roundtrip(JsonObject? metadata) => (JsonObject)JsonNode.Parse(metadata!.ToJsonString())!;
}
