using System.Text.Json.Nodes;
using EvalHarness.Metrics;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Cli;

namespace EvalHarness.Tests.Japanese.Similarity;

/// <summary>
/// corpus_bleu and corpus_chrf over scorer output (statistics passed through JSON as from the run log),
/// against the corpus scores sacreBLEU 2.6.0's <c>corpus_score</c> gave in bleu_chrf.json, and the mean
/// ROUGE F-measures against rouge_ja.json's mean_fmeasure; all compared exactly.
/// </summary>
[TestFixture]
public sealed class CorpusMetricTests
{
    private static IMetric Metric(string name) => Composition.Catalog.Metrics.TryGet(name, out var metric) ? metric : throw new ArgumentException(name);

    private static IScorer Scorer(string name, string options) => TestScorers.Factory(name).Create(Options.Of(options));

    /// <summary>
    /// Scores every member of a corpus and passes the scores through JSON text, as they reach a metric
    /// from the run log.
    /// </summary>
    private static async Task<MetricInput> Scored(IScorer scorer, IEnumerable<System.Text.Json.JsonElement> members, int seed = 1, int epochs = 1)
    {
        var scores = new List<SampleScore>();
        foreach (var c in members)
        {
            var sample = Samples.Make(targets: [c.Text("reference")], language: c.Text("lang"), id: c.Text("id"));
            var epochScores = new List<Score>();
            for (var e = 0; e < epochs; e++)
            {
                var score = await scorer.ScoreAsync(Samples.Input(sample, c.Text("hypothesis")), CancellationToken.None);
                Assert.That(score.Error, Is.Null, c.Text("id"));
                epochScores.Add(score with { Metadata = (JsonObject)JsonNode.Parse(score.Metadata!.ToJsonString())! });
            }

            scores.Add(new SampleScore(sample.Id, epochScores[0].Value!.Value, epochScores, sample.Metadata));
        }

        return new MetricInput(scores, 0.95, seed);
    }

    [TestCase("ja-mecab")]
    [TestCase("13a")]
    public async Task Corpus_bleu_of_scorer_output_equals_sacrebleu_for_every_corpus(string tokenizer)
    {
        // Expected: sacreBLEU 2.6.0 BLEU(tokenize=T).corpus_score (bleu_chrf.json corpus.*.corpus_bleu_T).
        var cases = SimilarityVectors.BleuChrFCases().ToDictionary(c => c.Text("id"), StringComparer.Ordinal);
        var scorer = Scorer("bleu", $$"""{"tokenize": "{{tokenizer}}"}""");
        foreach (var (name, corpus) in SimilarityVectors.Corpora())
        {
            var ids = corpus.Strings("case_ids");
            var value = Metric("corpus_bleu").Compute(await Scored(scorer, ids.Select(id => cases[id])));
            var expected = corpus.GetProperty("corpus_bleu_" + tokenizer).GetProperty("score").GetDouble();
            SimilarityVectors.AssertExactly(value.Value!.Value, expected, name);
            Assert.That(value.N, Is.EqualTo(ids.Length), name);
        }
    }

    [TestCase(0, "corpus_chrf")]
    [TestCase(2, "corpus_chrfpp")]
    public async Task Corpus_chrf_of_scorer_output_equals_sacrebleu_for_every_corpus(int wordOrder, string block)
    {
        // Expected: sacreBLEU 2.6.0 CHRF(word_order=w).corpus_score (bleu_chrf.json corpus.*.corpus_chrf[pp]).
        var cases = SimilarityVectors.BleuChrFCases().ToDictionary(c => c.Text("id"), StringComparer.Ordinal);
        var scorer = Scorer("chrf", $$"""{"word_order": {{wordOrder}}}""");
        foreach (var (name, corpus) in SimilarityVectors.Corpora())
        {
            var value = Metric("corpus_chrf").Compute(await Scored(scorer, corpus.Strings("case_ids").Select(id => cases[id])));
            var expected = corpus.GetProperty(block).GetProperty("score").GetDouble();
            SimilarityVectors.AssertExactly(value.Value!.Value, expected, name);
        }
    }

    [Test]
    public async Task Mean_rouge_f_of_scorer_output_equals_the_reference_means()
    {
        // Expected: rouge_ja.json mean_fmeasure (plain mean over the 23 cases).
        var cases = SimilarityVectors.RougeCases().Select(c => c.Clone()).ToList();
        var means = SimilarityVectors.RougeMeans();
        foreach (var variant in new[] { "rouge1", "rouge2", "rougeL" })
        {
            var input = await Scored(Scorer("rouge", $$"""{"variant": "{{variant}}"}"""), cases.Select(WithJapanese));
            var value = MeanMetric.Default.Compute(input);
            var expected = means.GetProperty(variant).GetDouble();
            SimilarityVectors.AssertExactly(value.Value!.Value, expected, variant);
        }
    }

    [Test]
    public async Task Corpus_intervals_are_seeded_bootstraps_around_the_corpus_score()
    {
        var cases = SimilarityVectors.BleuChrFCases();
        foreach (var (metric, scorer) in new[] { ("corpus_bleu", Scorer("bleu", "{}")), ("corpus_chrf", Scorer("chrf", "{}")) })
        {
            var first = Metric(metric).Compute(await Scored(scorer, cases, seed: 11));
            var again = Metric(metric).Compute(await Scored(scorer, cases, seed: 11));
            var other = Metric(metric).Compute(await Scored(scorer, cases, seed: 12));
            Assert.That(first.Interval, Is.Not.Null, metric);
            Assert.That(first.Interval!.Method, Is.EqualTo("bootstrap"), metric);
            Assert.That(again.Interval, Is.EqualTo(first.Interval), metric + ": same seed, same interval");
            Assert.That(other.Interval, Is.Not.EqualTo(first.Interval), metric + ": another seed, another interval");
            Assert.That(first.Interval.Low, Is.LessThan(first.Value!.Value).And.GreaterThan(0), metric);
            Assert.That(first.Interval.High, Is.GreaterThan(first.Value!.Value).And.LessThanOrEqualTo(100), metric);
        }
    }

    [Test]
    public async Task Every_epoch_is_a_segment_of_the_corpus()
    {
        // Two identical epochs double every statistic, which leaves corpus BLEU unchanged.
        var cases = SimilarityVectors.BleuChrFCases().Take(5).ToList();
        var once = Metric("corpus_bleu").Compute(await Scored(Scorer("bleu", "{}"), cases));
        var twice = Metric("corpus_bleu").Compute(await Scored(Scorer("bleu", "{}"), cases, epochs: 2));
        Assert.That(twice.Value, Is.EqualTo(once.Value).Within(1e-12));
        Assert.That(twice.N, Is.EqualTo(5));
    }

    [Test]
    public void Scores_without_statistics_are_left_out_and_none_give_no_value()
    {
        var plain = new SampleScore("s1", 1, [new Score { Value = 1 }], new Dictionary<string, string>());
        foreach (var metric in new[] { "corpus_bleu", "corpus_chrf" }.Select(Metric))
        {
            Assert.That(metric.Compute(new MetricInput([plain], 0.95, 1)), Is.EqualTo(MetricValue.Empty), metric.Name);
        }
    }

    [Test]
    public async Task A_single_sample_has_a_value_but_no_interval()
    {
        var one = SimilarityVectors.BleuChrFCases().Take(1);
        var value = Metric("corpus_bleu").Compute(await Scored(Scorer("bleu", "{}"), one));
        Assert.That(value.Value, Is.Not.Null);
        Assert.That(value.Interval, Is.Null);
        Assert.That(value.N, Is.EqualTo(1));
    }

    private static System.Text.Json.JsonElement WithJapanese(System.Text.Json.JsonElement rougeCase)
    {
        var node = JsonNode.Parse(rougeCase.GetRawText())!.AsObject();
        node["lang"] = "ja";
        return System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }
}
