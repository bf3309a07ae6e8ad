using EvalHarness.Gating;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Gating;

[TestFixture]
public sealed class GatePolicyReaderTests
{
    private static (GatePolicy? Policy, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var policy = GatePolicyReader.Parse("gate.yaml", text, diagnostics, ["accuracy", "refusal_rate", "bbq_s_amb"]);
        return (policy, diagnostics.Items);
    }

    [Test]
    public void Every_rule_kind_is_read_with_its_defaults()
    {
        var (policy, diagnostics) = Parse("""
            version: 1
            alpha: 0.01
            correction: bh
            rules:
              - id: floor
                threshold: {metric: refusal_rate, suite: [a, b], bound: lower, min: 0.9, per: category}
              - id: bias
                threshold: {metric: bbq_s_amb, bound: upper, absolute: true, max: 0.05, min_samples: 3}
              - id: risks
                threshold: {overview: risk, ids: [Hallucination, ハルシネーション], min: 0.5}
              - id: regress
                non_regression: {scorer: pass, max_difference: 0.02, baseline: optional}
              - id: cover
                coverage: {risks: [bias], perspectives: [toxic_output], min_samples: 30}
              - id: errors
                max_error_rate: 0.01
              - id: judges
                max_judge_error_rate: 0.05
                suite: a
            """);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(policy!.Alpha, Is.EqualTo(0.01));
        Assert.That(policy.Correction, Is.EqualTo(global::EvalHarness.Statistics.MultipleTesting.BenjaminiHochbergMethod));
        var floor = (ThresholdRule)policy.Rules[0];
        Assert.That((floor.Suites, floor.Bound, floor.Min, floor.Max, floor.Per, floor.MinSamples), Is.EqualTo((new[] { "a", "b" }, MetricBound.Lower, 0.9, (double?)null, "category", GatePolicy.DefaultMinSamples)));
        Assert.That(((ThresholdRule)policy.Rules[1]).Absolute, Is.True);
        Assert.That(((ThresholdRule)policy.Rules[2]).Ids, Is.EqualTo(new[] { "hallucination" }), "spellings of one risk become its id, once");
        var regress = (NonRegressionRule)policy.Rules[3];
        Assert.That((regress.Significant, regress.MaxDifference, regress.BaselineRequired), Is.EqualTo((true, (double?)0.02, false)));
        Assert.That(((JudgeErrorRateRule)policy.Rules[6]).Suite, Is.EqualTo("a"));
    }

    [TestCase("version: 1\nrules:\n  - id: a\n    threshold: {metric: accuracy, min: 0.9, colour: red}\n", 4, "rules[0].threshold.colour", "unknown field")]
    [TestCase("version: 1\nrules:\n  - id: a\n    threshold:\n      metric: accuracy\n      min: high\n", 6, "rules[0].threshold.min", "must be a number")]
    [TestCase("version: 1\nrules:\n  - id: a\n    thresold: {metric: accuracy, min: 0.9}\n", 3, "rules[0]", "names no rule kind")]
    [TestCase("version: 1\nrules:\n  - id: a\n    threshold:\n      metric: accuracy\n      min: 0.9\n      max: 0.5\n", 6, "rules[0].threshold.min", "above max")]
    [TestCase("version: 1\nrules:\n  - id: a\n    coverage:\n      risks: [bias, halucination]\n      min_samples: 3\n", 5, "rules[0].coverage.risks[1]", "did you mean 'hallucination'")]
    [TestCase("version: 1\nalpha: 1.5\nrules:\n  - id: a\n    max_error_rate: 0.1\n", 2, "alpha", "between 0 and 1")]
    [TestCase("version: 1\nrules:\n  - id: a\n    max_error_rate: 0.1\n  - id: a\n    max_error_rate: 0.2\n", 5, "rules[1].id", "must be unique")]
    [TestCase("version: 1\nrules: []\n", 2, "rules", "at least one rule")]
    [TestCase("version: 1\nrules:\n  - id: a\n    threshold: {metric: refusal_rat, min: 0.9}\n", 4, "rules[0].threshold.metric", "did you mean 'refusal_rate'")]
    [TestCase("version: 1\nrules:\n  - id: a\n    non_regression: {significant: false}\n", 4, "rules[0].non_regression.significant", "give max_difference")]
    [TestCase("version: 2\nrules:\n  - id: a\n    max_error_rate: 0.1\n", 1, "version", "not supported")]
    [TestCase("version: 1\nrules:\n  - id: a\n    max_error_rate: 0.1\n    coverage: {risks: [bias], min_samples: 1}\n", 4, "rules[0].max_error_rate", "exactly one kind")]
    public void A_bad_policy_is_a_diagnostic_at_its_line_naming_the_field(string text, int line, string field, string message)
    {
        var (policy, diagnostics) = Parse(text);

        Assert.That(policy, Is.Null);
        var error = diagnostics.First(d => d.IsError);
        Assert.That((error.File, error.Line, error.Field), Is.EqualTo(("gate.yaml", line, field)), error.ToString());
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public void Every_problem_of_a_file_is_reported_in_one_pass()
    {
        var (_, diagnostics) = Parse("version: 1\nrules:\n  - id: a\n    threshold: {metric: accuracy}\n  - id: b\n    max_error_rate: 2\n");

        Assert.That(diagnostics.Select(d => d.Field), Is.EquivalentTo(new[] { "rules[0].threshold", "rules[1].max_error_rate" }));
    }

    [Test]
    public async Task The_gate_command_exits_two_on_a_bad_policy_naming_file_line_and_field_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(20));
        var policy = GateLogs.Policy(dir, "  - id: floor\n    threshold:\n      metric: accuracy\n      min: 0.9\n      max: 0.8\n");
        var junit = dir.Combine("junit.xml");

        var result = await CliRun.InvokeAsync(["gate", run, "--policy", policy, "--junit", junit, "--markdown", dir.Combine("summary.md")]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.Error, Does.Contain("gate.yaml:6:7: error: field 'rules[0].threshold.min'"));
        Assert.That(File.Exists(Path.Combine(run, "gate.json")), Is.False);
        Assert.That(File.Exists(junit), Is.False);
        Assert.That(File.Exists(dir.Combine("summary.md")), Is.False);
    }

    [Test]
    public async Task A_missing_policy_file_or_run_exits_two_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(20));
        var policy = GateLogs.Policy(dir, "  - id: errors\n    max_error_rate: 0.1\n");

        var noPolicy = await CliRun.InvokeAsync(["gate", run, "--policy", dir.Combine("nowhere.yaml")]);
        var noRun = await CliRun.InvokeAsync(["gate", dir.Combine("nowhere"), "--policy", policy]);
        var noBaseline = await CliRun.InvokeAsync(["gate", run, "--policy", policy, "--baseline", dir.Combine("nowhere")]);
        var samplesAlone = await CliRun.InvokeAsync(["gate", run, "--policy", policy, "--junit-samples"]);

        Assert.That(noPolicy.ExitCode, Is.EqualTo(2), noPolicy.All);
        Assert.That(noPolicy.Error, Does.Contain("nowhere.yaml: error: file not found"));
        Assert.That(noRun.ExitCode, Is.EqualTo(2), noRun.All);
        Assert.That(noRun.Error, Does.Contain("not a run"));
        Assert.That(noBaseline.ExitCode, Is.EqualTo(2), noBaseline.All);
        Assert.That(samplesAlone.ExitCode, Is.EqualTo(2), samplesAlone.All);
        Assert.That(samplesAlone.Error, Does.Contain("give --junit <file> too"));
        Assert.That(File.Exists(Path.Combine(run, "gate.json")), Is.False);
    }
}
