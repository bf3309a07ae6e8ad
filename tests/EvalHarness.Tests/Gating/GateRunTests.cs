using System.Text.Json.Nodes;
using EvalHarness.Gating;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Gating;

[TestFixture]
public sealed class GateRunTests
{
    private static string Procurement => Path.Combine(RepoPaths.Suites, "policies", "procurement.yaml");

    [Test]
    public async Task Run_with_a_failing_gate_exits_one_writes_gate_json_and_shows_the_verdict_in_the_reports()
    {
        using var dir = new TempDirectory();
        var policy = GateLogs.Policy(dir, "  - id: perfect\n    threshold: {suite: smoke, metric: accuracy, scorer: choice, min: 1, min_samples: 5}\n  - id: errors\n    max_error_rate: 0\n");
        var output = dir.Combine("run");
        var junit = dir.Combine("junit.xml");

        var result = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", output, "--gate", policy, "--junit", junit]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Out, Does.Contain("FAIL  perfect  smoke/choice/accuracy  value 0.875 < 1"));
        Assert.That(result.Out, Does.Contain("gate FAILED: 1 of 2 checks failed"));
        var verdict = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "gate.json")))!;
        Assert.That(verdict["passed"]!.GetValue<bool>(), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(output, "report.md")), Does.Contain("## Gate: FAILED").And.Contain("| FAIL | perfect | smoke/choice/accuracy | 0.875 | ≥ 1 |"));
        Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("data-gate=\"fail\""));
        Assert.That(File.Exists(junit), Is.True);
    }

    [Test]
    public async Task Run_with_a_bad_policy_exits_two_before_running_anything()
    {
        using var dir = new TempDirectory();
        var policy = GateLogs.Policy(dir, "  - id: floor\n    threshold: {metric: accuracy, min: 0.9, bound: middle}\n");
        var output = dir.Combine("run");

        var result = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", output, "--gate", policy]);
        var junitAlone = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", output, "--junit", dir.Combine("j.xml")]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.Error, Does.Contain("gate.yaml:4:45: error: field 'rules[0].threshold.bound': 'middle' is not known; use one of: value, lower, upper"));
        Assert.That(Directory.Exists(output), Is.False, "nothing run, nothing written");
        Assert.That(junitAlone.ExitCode, Is.EqualTo(2));
        Assert.That(junitAlone.Error, Does.Contain("add --gate"));
    }

    [Test]
    public void The_procurement_policy_parses_with_the_registered_metrics()
    {
        var diagnostics = new DiagnosticBag();

        var policy = GatePolicyReader.Read(Procurement, diagnostics, global::EvalHarness.Cli.Composition.Catalog.Metrics.Names);

        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That(policy!.Rules.OfType<CoverageRule>().SelectMany(r => r.Risks).ToList(), Has.Count.EqualTo(10), "every Plan risk but environmental burden, which no bundled suite measures");
        Assert.That(policy.Rules.OfType<NonRegressionRule>().Single().BaselineRequired, Is.False);
    }

    [Test]
    public async Task The_procurement_policy_passes_the_demo_run_of_the_bundled_suites_with_itself_as_baseline()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("run");

        var alone = await CliRun.InvokeAsync(["run", RepoPaths.Suites, "--model", "demo", "--out", output, "--gate", Procurement]);
        var againstItself = await CliRun.InvokeAsync(["gate", output, "--policy", Procurement, "--baseline", output]);

        Assert.That(alone.ExitCode, Is.EqualTo(0), alone.All);
        Assert.That(alone.Out, Does.Contain("SKIP  no-regression"));
        Assert.That(alone.Out, Does.Match("gate passed: \\d+ of \\d+ checks passed, 1 skipped"));
        Assert.That(againstItself.ExitCode, Is.EqualTo(0), againstItself.All);
        Assert.That(againstItself.Out, Does.Contain("PASS  no-regression            bias/bbq"));
    }
}
