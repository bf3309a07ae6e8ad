using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Metrics;
using EvalHarness.Risk.Bias;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Bias;

/// <summary>
/// Every case of ../shared/reference-vectors/bbq.json: its 40 items read by the <c>bbq</c> format, each model's
/// predictions scored by the <c>bbq</c> scorer, and the four metrics compared per category and pooled over all
/// items with the values (and counts) the reference computed and checked against nyu-mll/BBQ's R script.
/// The reference's index fields (target_loc, official_target_loc, unknown_loc) are removed before loading, so the
/// loader has only BBQ's own fields to go on.
/// </summary>
[TestFixture]
public sealed class BbqReferenceTests
{
    private static readonly (string Metric, string Key)[] Metrics =
    [
        (BbqMetric.AccuracyAmbiguousName, "accuracy_ambig"),
        (BbqMetric.AccuracyDisambiguatedName, "accuracy_disambig"),
        (BbqMetric.SDisName, "s_DIS"),
        (BbqMetric.SAmbName, "s_AMB"),
    ];

    public static IEnumerable<JsonObject> Rows(IEnumerable<JsonElement> items) => items.Select(item =>
    {
        var row = JsonNode.Parse(item.GetRawText())!.AsObject();
        row.Remove("target_loc");
        row.Remove("official_target_loc");
        row.Remove("unknown_loc");
        return row;
    });

    private static IEnumerable<TestCaseData> Cases()
    {
        using var vectors = ReferenceVectors.Load("bbq.json");
        var results = vectors.RootElement.GetProperty("results");
        foreach (var model in results.EnumerateObject())
        {
            foreach (var category in model.Value.GetProperty("per_category").EnumerateObject())
            {
                yield return new TestCaseData(model.Name, category.Name).SetName($"{model.Name} {category.Name}");
            }

            yield return new TestCaseData(model.Name, null).SetName($"{model.Name} overall_pooled");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Accuracy_s_dis_and_s_amb_are_the_reference_s(string model, string? category)
    {
        using var vectors = ReferenceVectors.Load("bbq.json");
        var root = vectors.RootElement;
        var scores = await ScoreAsync(root, model);
        var group = category is null ? scores : scores.Where(s => s.Metadata["category"] == category).ToList();
        var expected = category is null
            ? root.GetProperty("results").GetProperty(model).GetProperty("overall_pooled")
            : root.GetProperty("results").GetProperty(model).GetProperty("per_category").GetProperty(category);

        Assert.Multiple(() =>
        {
            foreach (var (metric, key) in Metrics)
            {
                var value = BbqSuites.Metric(metric, group);
                var want = expected.GetProperty(key);
                if (want.ValueKind == JsonValueKind.Null)
                {
                    Assert.That(value.Value, Is.Null, $"{metric}: undefined in the reference (no non-unknown answer)");
                }
                else
                {
                    Assert.That(value.Value, Is.EqualTo(want.GetDouble()).Within(1e-12), metric);
                }
            }

            foreach (var (condition, block) in new[] { ("ambig", "ambig"), ("disambig", "disambig") })
            {
                var counts = expected.GetProperty(block);
                var tally = group.Select(BbqTally.Of).Where(t => t?.Condition == condition).Aggregate(default(BbqTally), (sum, t) => sum + t!.Value.Tally);
                Assert.That(tally, Is.EqualTo(new BbqTally(
                    counts.GetProperty("n_valid").GetInt32(),
                    counts.GetProperty("n_correct").GetInt32(),
                    counts.GetProperty("n_non_unknown").GetInt32(),
                    counts.GetProperty("n_biased").GetInt32())), condition + " counts");
            }
        });
    }

    [Test]
    public async Task The_bias_intervals_are_seeded_bootstraps_over_items_that_contain_the_estimate()
    {
        using var vectors = ReferenceVectors.Load("bbq.json");
        var scores = await ScoreAsync(vectors.RootElement, "model_P_mostly_correct");

        var first = BbqSuites.Metric(BbqMetric.SAmbName, scores, seed: 42);
        var again = BbqSuites.Metric(BbqMetric.SAmbName, scores, seed: 42);
        var other = BbqSuites.Metric(BbqMetric.SAmbName, scores, seed: 43);

        Assert.That(first.Interval!.Method, Is.EqualTo("bootstrap"));
        Assert.That(first.Interval, Is.EqualTo(again.Interval), "the same seed gives the same interval");
        Assert.That(other.Interval, Is.Not.EqualTo(first.Interval), "the seed is used");
        Assert.That(first.Value, Is.InRange(first.Interval.Low, first.Interval.High));
        Assert.That(first.Interval.Low, Is.GreaterThanOrEqualTo(-1).And.LessThan(first.Interval.High));
        Assert.That(first.N, Is.EqualTo(19), "the 19 ambiguous items with a parseable answer");
        Assert.That(first.Statistic, Does.Contain("6 biased of 10 non-unknown answers"));
    }

    [Test]
    public void The_bias_scores_are_best_at_zero_and_the_accuracies_are_rates()
    {
        var meaning = EvalHarness.Scoring.ScoreMeaning.PassFail;
        Assert.That(BbqMetric.SDis.Meaning(meaning), Is.EqualTo(new MetricMeaning(false, EvalHarness.Scoring.ScoreDirection.BestAtZero)));
        Assert.That(BbqMetric.SAmb.Meaning(meaning), Is.EqualTo(new MetricMeaning(false, EvalHarness.Scoring.ScoreDirection.BestAtZero)));
        Assert.That(BbqMetric.AccuracyAmbiguous.Meaning(meaning), Is.EqualTo(new MetricMeaning(true, EvalHarness.Scoring.ScoreDirection.HigherIsBetter)));
    }

    /// <summary>Every item answered with the model's prediction ("ANSWER: B"), or with text naming no option for a null.</summary>
    private static async Task<List<SampleScore>> ScoreAsync(JsonElement root, string model)
    {
        using var dir = new TempDirectory();
        var items = root.GetProperty("items").EnumerateArray().ToList();
        var (suite, _) = BbqSuites.Load(dir, Rows(items));
        var predictions = root.GetProperty("models").GetProperty(model).GetProperty("predictions").EnumerateArray().ToList();
        var scores = new List<SampleScore>();
        for (var i = 0; i < items.Count; i++)
        {
            var id = $"{items[i].GetProperty("category").GetString()}-{items[i].GetProperty("example_id").GetInt32()}";
            var output = predictions[i].ValueKind == JsonValueKind.Null
                ? "hmm, hard to say"
                : "ANSWER: " + (char)('A' + predictions[i].GetInt32());
            scores.Add(await BbqSuites.ScoreAsync(suite!.Samples.Single(s => s.Id == id), output));
        }

        return scores;
    }
}
