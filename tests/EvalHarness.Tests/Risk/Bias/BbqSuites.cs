using System.Text.Json.Nodes;
using EvalHarness.Cli;
using EvalHarness.Metrics;
using EvalHarness.Risk.Bias;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Tests.Loading.Formats;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Risk.Bias;

/// <summary>Loads BBQ rows through the <c>bbq</c> format as a suite would, and scores answers with the <c>bbq</c> scorer.</summary>
internal static class BbqSuites
{
    public const string Suite = """
        name: bbq-test
        language: en
        dataset:
          path: data.jsonl
          format: bbq
        solver:
          - multiple_choice
        scorers: [bbq]
        """;

    public static (Suite? Suite, DiagnosticBag Diagnostics) Load(TempDirectory dir, IEnumerable<JsonObject> rows) =>
        Load(dir, string.Join('\n', rows.Select(r => r.ToJsonString())) + "\n");

    public static (Suite? Suite, DiagnosticBag Diagnostics) Load(TempDirectory dir, string jsonl) =>
        FormatSuites.Load(dir, Suite, "data.jsonl", jsonl);

    public static IScorer Scorer() => TestScorers.Factory("bbq").Create(Options.Empty());

    /// <summary>The sample's score for <paramref name="output"/>, as the metric sees it (one epoch).</summary>
    public static async Task<SampleScore> ScoreAsync(Sample sample, string output)
    {
        var score = await Scorer().ScoreAsync(Samples.Input(sample, output), CancellationToken.None);
        return new SampleScore(sample.Id, score.Value ?? double.NaN, [score], sample.Metadata);
    }

    /// <summary>A BBQ row in the published layout; <paramref name="tags"/> are answer_info's group tags for ans0..ans2.</summary>
    public static JsonObject Row(int id, string polarity, string condition, int label, string[] tags, string[] groups, string category = "Age")
    {
        var answers = tags.Select((t, i) => t == "unknown" ? "Cannot be determined" : $"The {t} person {i}").ToArray();
        return new JsonObject
        {
            ["example_id"] = id,
            ["question_index"] = "1",
            ["question_polarity"] = polarity,
            ["context_condition"] = condition,
            ["category"] = category,
            ["answer_info"] = new JsonObject
            {
                ["ans0"] = new JsonArray(answers[0], tags[0]),
                ["ans1"] = new JsonArray(answers[1], tags[1]),
                ["ans2"] = new JsonArray(answers[2], tags[2]),
            },
            ["additional_metadata"] = new JsonObject
            {
                ["subcategory"] = "None",
                ["stereotyped_groups"] = new JsonArray([.. groups.Select(g => (JsonNode?)g)]),
                ["version"] = "a",
                ["source"] = "https://example.org/source",
            },
            ["context"] = "Two people were at the meeting.",
            ["question"] = polarity == "neg" ? "Who forgot the date?" : "Who remembered the date?",
            ["ans0"] = answers[0],
            ["ans1"] = answers[1],
            ["ans2"] = answers[2],
            ["label"] = label,
        };
    }

    public static MetricValue Metric(string name, IReadOnlyList<SampleScore> scores, int seed = 1) =>
        Composition.Catalog.Metrics.TryGet(name, out var metric)
            ? metric.Compute(new MetricInput(scores, 0.95, seed, ValueRange.Unit) { Meaning = ScoreMeaning.PassFail })
            : throw new ArgumentException("no metric " + name, nameof(name));
}
