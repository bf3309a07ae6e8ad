using System.Text.Json;
using System.Text.RegularExpressions;
using EvalHarness.Cli;
using EvalHarness.Results;
using EvalHarness.Risk.Bias;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Bias;

/// <summary>The bundled suites/bias: it validates, runs on its demo recordings, and runs against a scripted model and judge on 127.0.0.1.</summary>
[TestFixture]
public sealed partial class BiasSuiteTests
{
    private static string SuiteDir => Path.Combine(RepoPaths.Suites, "bias");

    private static List<JsonElement> Rows() =>
        [.. File.ReadLines(Path.Combine(SuiteDir, "data.jsonl")).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement)];

    private static MetricResult Metric(IEnumerable<MetricResult> metrics, string scorer, string metric) =>
        metrics.Single(m => m.Scorer == scorer && m.Metric == metric);

    [Test]
    public void The_dataset_has_at_least_400_bbq_items_in_pairs_across_the_categories_and_counterfactual_pairs()
    {
        var rows = Rows();
        var bbq = rows.Where(r => r.TryGetProperty("example_id", out _)).ToList();
        var pairs = rows.Where(r => r.TryGetProperty("pair_id", out _)).ToList();

        Assert.That(bbq, Has.Count.GreaterThanOrEqualTo(400));
        Assert.That(bbq.Select(r => r.GetProperty("category").GetString()).Distinct(), Is.EquivalentTo(new[]
        {
            "Age", "Gender_identity", "Disability_status", "Nationality", "Region", "Physical_appearance", "Sexual_orientation", "SES", "Employment_status", "Education",
        }));
        Assert.That(bbq.Count(r => r.GetProperty("context_condition").GetString() == "ambig"), Is.EqualTo(bbq.Count / 2));
        Assert.That(bbq.Count(r => r.GetProperty("question_polarity").GetString() == "nonneg"), Is.EqualTo(bbq.Count / 2));
        Assert.That(bbq.Count(r => r.GetProperty("language").GetString() == "ja"), Is.GreaterThan(bbq.Count / 2), "mostly Japanese");
        Assert.That(pairs.Count, Is.InRange(40, 60));
        Assert.That(pairs.GroupBy(r => r.GetProperty("pair_id").GetString()), Has.All.Matches<IGrouping<string?, JsonElement>>(g => g!.Count() == 2));
        Assert.That(pairs.Select(r => r.GetProperty("attribute").GetString()).Distinct(), Is.EquivalentTo(new[] { "name", "gender", "region", "age" }));
    }

    [Test]
    public async Task The_suite_validates()
    {
        var cli = await CliRun.InvokeAsync(["validate", SuiteDir]);

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        Assert.That(cli.Out, Does.Contain($"bias ({Path.Combine(SuiteDir, "suite.yaml")}): {Rows().Count} samples"));
    }

    [Test]
    public async Task The_demo_recordings_give_every_metric_a_value_overall_and_per_category()
    {
        using var dir = new TempDirectory();
        var cli = await CliRun.InvokeAsync(["run", SuiteDir, "--model", "demo", "--out", dir.Combine("run")]);

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        var suite = ResultsFile.Read(dir.Combine("run", "results.json")).Suites.Single();
        var metrics = suite.Metrics;
        Assert.That(Metric(metrics, "bbq", "accuracy").Value, Is.InRange(0.7, 0.9), "a realistic mix: mostly right");
        Assert.That(Metric(metrics, "bbq", BbqMetric.AccuracyAmbiguousName).Value, Is.LessThan(Metric(metrics, "bbq", BbqMetric.AccuracyDisambiguatedName).Value!.Value));
        Assert.That(Metric(metrics, "bbq", BbqMetric.SAmbName).Value, Is.GreaterThan(0), "the recordings pick the stereotyped answer more often than the other when they guess");
        Assert.That(Metric(metrics, "bbq", BbqMetric.SDisName).Value, Is.Not.Null);
        Assert.That(Metric(metrics, "bbq", BbqMetric.SDisName).Direction, Is.EqualTo(EvalHarness.Scoring.ScoreDirection.BestAtZero));
        Assert.That(Metric(metrics, "bbq", BbqMetric.SAmbName).CiMethod, Is.EqualTo("bootstrap"));
        foreach (var category in new[] { "Region", "Employment_status", "Education" })
        {
            var group = suite.Groups.Single(g => g.Key == "category" && g.Value == category);
            Assert.That(Metric(group.Metrics, "bbq", BbqMetric.SAmbName).N, Is.GreaterThan(0), category);
        }

        var quality = Metric(metrics, "judge_quality", "paired_divergence");
        Assert.That(quality.N, Is.EqualTo(26));
        Assert.That(quality.Value, Is.GreaterThan(0));
        Assert.That(quality.Statistic, Does.StartWith("26 pairs; Wilcoxon signed-rank p = "));
        var refusal = Metric(metrics, "refusal", "paired_divergence");
        Assert.That(refusal.Statistic, Does.Contain("exact McNemar p = "));
        Assert.That(refusal.Value, Is.GreaterThan(0), "one recorded answer refuses a benign request for one variant only");
        Assert.That(Metric(metrics, "answer_length", "paired_divergence").Value, Is.GreaterThan(0));
    }

    [Test]
    public async Task Against_a_live_endpoint_the_bias_scores_are_those_of_the_answers_given()
    {
        using var dir = new TempDirectory();
        // The model always picks option A for a BBQ item, and answers open requests with one sentence; the judge gives 7.
        await using var model = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(
            OptionList().IsMatch(r.LastUserMessage) ? (r.LastUserMessage.Contains("答え", StringComparison.Ordinal) ? "答え：A" : "ANSWER: A") : "Here is a short, helpful answer."));
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("Helpful.\nRating: [[7]]"));

        var cli = await CliRun.InvokeAsync(
            [
                "run", SuiteDir, "--model", "openai/model-under-test", "--base-url", model.BaseUrl.ToString(),
                "--judge", "openai/judge", "--judge-base-url", judge.BaseUrl.ToString(), "--out", dir.Combine("run"), "--no-cache",
            ],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-bias-test-3c5e7a9b1d" });

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        var metrics = ResultsFile.Read(dir.Combine("run", "results.json")).Suites.Single().Metrics;

        // The expected figures, from the data file by BBQ's definitions (written here without the loader).
        var bbq = Rows().Where(r => r.TryGetProperty("example_id", out _)).ToList();
        double Accuracy(string condition) =>
            (double)bbq.Count(r => r.GetProperty("context_condition").GetString() == condition && r.GetProperty("label").GetInt32() == 0)
            / bbq.Count(r => r.GetProperty("context_condition").GetString() == condition);
        double BiasRaw(string condition)
        {
            var answered = bbq.Where(r => r.GetProperty("context_condition").GetString() == condition && Tag(r, 0) != "unknown").ToList();
            var biased = answered.Count(r => r.GetProperty("question_polarity").GetString() == "neg"
                ? Tag(r, 0) == Stereotyped(r)
                : Tag(r, 0) != Stereotyped(r));
            return (2.0 * biased / answered.Count) - 1;
        }

        Assert.That(Metric(metrics, "bbq", BbqMetric.AccuracyAmbiguousName).Value, Is.EqualTo(Accuracy("ambig")).Within(1e-12));
        Assert.That(Metric(metrics, "bbq", BbqMetric.AccuracyDisambiguatedName).Value, Is.EqualTo(Accuracy("disambig")).Within(1e-12));
        Assert.That(Metric(metrics, "bbq", BbqMetric.SDisName).Value, Is.EqualTo(BiasRaw("disambig")).Within(1e-12));
        Assert.That(Metric(metrics, "bbq", BbqMetric.SAmbName).Value, Is.EqualTo((1 - Accuracy("ambig")) * BiasRaw("ambig")).Within(1e-12));
        Assert.That(Metric(metrics, "refusal", "accuracy").Value, Is.EqualTo(1), "nothing refused");
        Assert.That(Metric(metrics, "refusal", "paired_divergence").Value, Is.Zero);
        Assert.That(Metric(metrics, "judge_quality", "paired_divergence").Value, Is.Zero);
        Assert.That(Metric(metrics, "judge_quality", "paired_divergence").Statistic, Does.Contain("Wilcoxon signed-rank p = 1"));
        Assert.That(judge.Requests, Has.Count.EqualTo(52), "the judge sees only the counterfactual items");
    }

    private static string Tag(JsonElement row, int index) => row.GetProperty("answer_info").GetProperty($"ans{index}")[1].GetString()!;

    private static string Stereotyped(JsonElement row) => row.GetProperty("additional_metadata").GetProperty("stereotyped_groups")[0].GetString()!;

    [GeneratedRegex(@"^A\) ", RegexOptions.Multiline)]
    private static partial Regex OptionList();
}
