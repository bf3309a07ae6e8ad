using System.Text.Json.Nodes;
using System.Xml.Linq;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Gating;

[TestFixture]
public sealed class GateCommandTests
{
    private const string NoRegression = "  - id: no-regression\n    non_regression:\n      scorer: pass\n";

    private static JsonNode Verdict(string run) => JsonNode.Parse(File.ReadAllText(Path.Combine(run, "gate.json")))!;

    private static JsonObject Outcome(JsonNode verdict, string rule, string scope) =>
        verdict["outcomes"]!.AsArray().Single(o => o!["rule"]!.GetValue<string>() == rule && o["scope"]!.GetValue<string>() == scope)!.AsObject();

    [Test]
    public async Task A_significant_regression_fails_the_gate_with_exit_one()
    {
        using var dir = new TempDirectory();
        var baseline = GateLogs.Write(dir.Combine("a"), "run-a", GateLogs.Samples(40));
        var candidate = GateLogs.Write(dir.Combine("b"), "run-b", GateLogs.Samples(40, failing: Enumerable.Range(0, 12)));

        var result = await CliRun.InvokeAsync(["gate", candidate, "--policy", GateLogs.Policy(dir, NoRegression), "--baseline", baseline]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Out, Does.Contain("FAIL  no-regression  s/pass/accuracy "));
        Assert.That(result.Out, Does.Contain("significant regression at α = 0.05: 1 → 0.7 (Δ -0.3"));
        Assert.That(result.Out, Does.Contain("gate FAILED"));
        var overall = Outcome(Verdict(candidate), "no-regression", "s/pass/accuracy");
        Assert.That(overall["status"]!.GetValue<string>(), Is.EqualTo("fail"));
        Assert.That(overall["observed"]!.GetValue<double>(), Is.EqualTo(-0.3).Within(1e-12));
        Assert.That(Verdict(candidate)["baseline_run_id"]!.GetValue<string>(), Is.EqualTo("run-a"));
    }

    [Test]
    public async Task A_metric_filter_chooses_the_compared_rows_and_one_that_matches_nothing_fails()
    {
        using var dir = new TempDirectory();
        var baseline = GateLogs.Write(dir.Combine("a"), "run-a", GateLogs.Samples(40));
        var candidate = GateLogs.Write(dir.Combine("b"), "run-b", GateLogs.Samples(40, failing: Enumerable.Range(0, 12)));
        var accuracy = GateLogs.Policy(dir, NoRegression + "      metric: accuracy\n", "accuracy.yaml");
        var other = GateLogs.Policy(dir, NoRegression + "      metric: [bbq_s_amb]\n", "other.yaml");

        var chosen = await CliRun.InvokeAsync(["gate", candidate, "--policy", accuracy, "--baseline", baseline]);
        Assert.That(chosen.ExitCode, Is.EqualTo(1), chosen.All);
        Assert.That(Outcome(Verdict(candidate), "no-regression", "s/pass/accuracy")["metric"]!.GetValue<string>(), Is.EqualTo("accuracy"));

        var none = await CliRun.InvokeAsync(["gate", candidate, "--policy", other, "--baseline", baseline]);
        Assert.That(none.ExitCode, Is.EqualTo(1), none.All);
        Assert.That(none.Out, Does.Contain("no compared scorer matches: */pass/bbq_s_amb"), "a filter that matches nothing fails rather than passing silently");
    }

    [Test]
    public async Task An_insignificant_change_passes_unless_it_exceeds_max_difference()
    {
        using var dir = new TempDirectory();
        var baseline = GateLogs.Write(dir.Combine("a"), "run-a", GateLogs.Samples(40));
        var candidate = GateLogs.Write(dir.Combine("b"), "run-b", GateLogs.Samples(40, failing: [3, 7]));
        var withMax = GateLogs.Policy(dir, NoRegression + "      max_difference: 0.02\n", "max.yaml");

        var significantOnly = await CliRun.InvokeAsync(["gate", candidate, "--policy", GateLogs.Policy(dir, NoRegression), "--baseline", baseline]);
        var bounded = await CliRun.InvokeAsync(["gate", candidate, "--policy", withMax, "--baseline", baseline]);

        Assert.That(significantOnly.ExitCode, Is.EqualTo(0), significantOnly.All);
        Assert.That(significantOnly.Out, Does.Contain("PASS  no-regression  s/pass/accuracy "));
        Assert.That(bounded.ExitCode, Is.EqualTo(1), bounded.All);
        Assert.That(bounded.Out, Does.Contain("worse by 0.05, more than max_difference 0.02"));
    }

    [Test]
    public async Task Too_few_samples_fail_thresholds_on_interval_bounds_and_non_regression_with_the_reason()
    {
        using var dir = new TempDirectory();
        var baseline = GateLogs.Write(dir.Combine("a"), "run-a", GateLogs.Samples(5));
        var candidate = GateLogs.Write(dir.Combine("b"), "run-b", GateLogs.Samples(5));
        var single = GateLogs.Write(dir.Combine("c"), "run-c", GateLogs.Samples(1));
        var policy = GateLogs.Policy(dir, "  - id: floor\n    threshold: {metric: accuracy, scorer: pass, bound: lower, min: 0.5}\n" + NoRegression);
        var noInterval = GateLogs.Policy(dir, "  - id: grade\n    threshold: {metric: mean, bound: lower, min: 0.1, min_samples: 0}\n", "single.yaml");

        var small = await CliRun.InvokeAsync(["gate", candidate, "--policy", policy, "--baseline", baseline]);
        var one = await CliRun.InvokeAsync(["gate", single, "--policy", noInterval]);

        Assert.That(small.ExitCode, Is.EqualTo(1), small.All);
        Assert.That(small.Out, Does.Contain("FAIL  floor          s/pass/accuracy  too few samples: n = 5, the rule needs at least 10 (min_samples)"));
        Assert.That(small.Out, Does.Contain("too few paired samples: n = 5, the rule needs at least 10 (min_samples) to tell a regression"));
        Assert.That(one.ExitCode, Is.EqualTo(1), one.All);
        Assert.That(one.Out, Does.Contain("no interval: fewer than 2 samples (n = 1)"));
    }

    [Test]
    public async Task Missing_coverage_fails_naming_the_risk_and_its_count()
    {
        using var dir = new TempDirectory();
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(30, risk: i => i < 4 ? "privacy" : "hallucination"));
        var policy = GateLogs.Policy(dir, "  - id: cover\n    coverage:\n      risks: [hallucination, privacy, bias]\n      perspectives: [misinformation]\n      min_samples: 10\n");

        var result = await CliRun.InvokeAsync(["gate", run, "--policy", policy]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Out, Does.Contain("PASS  cover  risk hallucination"));
        Assert.That(result.Out, Does.Contain("risk privacy has 4 scored samples (s 4); the policy needs at least 10"));
        Assert.That(result.Out, Does.Contain("risk bias is not covered: no scored sample is tagged with it; the policy needs at least 10"));
        Assert.That(result.Out, Does.Contain("PASS  cover  perspective misinformation"));
        Assert.That(result.Out, Does.Contain("2 of 4 checks failed"));
    }

    [Test]
    public async Task Error_rate_and_judge_error_rate_count_errored_samples_and_judge_failures()
    {
        using var dir = new TempDirectory();
        var records = GateLogs.Samples(20);
        records[0] = GateLogs.Record("s000", 1, errored: true);
        records[1] = GateLogs.Record("s001", 1, judgeError: true);
        records[2] = GateLogs.Record("s002", 1, judgeError: true);
        var run = GateLogs.Write(dir.Combine("run"), "run-1", records);
        var lenient = GateLogs.Policy(dir, "  - id: errors\n    max_error_rate: 0.05\n  - id: judges\n    max_judge_error_rate: 0.15\n", "lenient.yaml");
        var strict = GateLogs.Policy(dir, "  - id: errors\n    max_error_rate: 0.04\n  - id: judges\n    max_judge_error_rate: 0.1\n", "strict.yaml");

        var passes = await CliRun.InvokeAsync(["gate", run, "--policy", lenient]);
        var fails = await CliRun.InvokeAsync(["gate", run, "--policy", strict]);

        Assert.That(passes.ExitCode, Is.EqualTo(0), passes.All);
        Assert.That(fails.ExitCode, Is.EqualTo(1), fails.All);
        Assert.That(fails.Out, Does.Contain("1 of 20 samples errored (0.05), more than 0.04"));
        // 19 samples reached the judge (the errored one did not); 2 of them got no verdict.
        Assert.That(fails.Out, Does.Contain("2 judge errors in 19 judged scores (0.1053), more than 0.1"));
    }

    [Test]
    public async Task A_per_group_threshold_gives_one_check_and_one_junit_testcase_per_group()
    {
        using var dir = new TempDirectory();
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(20, failing: [10, 11, 12, 13, 14], category: i => i < 10 ? "a" : "b"));
        var policy = GateLogs.Policy(dir, "  - id: floor\n    threshold: {metric: accuracy, scorer: pass, min: 0.8, per: category}\n  - id: by-risk\n    threshold: {overview: risk, min: 0.5}\n");
        var junit = dir.Combine("junit.xml");

        var result = await CliRun.InvokeAsync(["gate", run, "--policy", policy, "--junit", junit]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Out, Does.Contain("PASS  floor    s/pass/accuracy [category = a]  value 1 ≥ 0.8"));
        Assert.That(result.Out, Does.Contain("FAIL  floor    s/pass/accuracy [category = b]  value 0.5 < 0.8"));
        Assert.That(result.Out, Does.Contain("PASS  by-risk  risk hallucination (pass rate)"));
        var xml = XDocument.Load(junit);
        var cases = xml.Descendants("testcase").ToList();
        Assert.That(cases.Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[] { "s/pass/accuracy [category = a]", "s/pass/accuracy [category = b]", "risk hallucination (pass rate)" }));
        Assert.That(cases[1].Element("failure")!.Attribute("message")!.Value, Is.EqualTo("value 0.5 < 0.8"));
        Assert.That(xml.Root!.Attribute("failures")!.Value, Is.EqualTo("1"));
    }

    [Test]
    public async Task A_rule_that_matches_nothing_fails_rather_than_passing_unseen()
    {
        using var dir = new TempDirectory();
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(20));
        var policy = GateLogs.Policy(dir, "  - id: ghost\n    threshold: {metric: refusal_rate, min: 0.9}\n  - id: elsewhere\n    threshold: {suite: other, metric: accuracy, min: 0.5}\n  - id: no-group\n    threshold: {metric: accuracy, min: 0.5, per: language}\n");

        var result = await CliRun.InvokeAsync(["gate", run, "--policy", policy]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Out, Does.Contain("no metric matches: */*/refusal_rate"));
        Assert.That(result.Out, Does.Contain("suite other is not in this run"));
        Assert.That(result.Out, Does.Contain("no matching suite groups by 'language'"));
        Assert.That(result.Out, Does.Contain("3 of 3 checks failed"));
    }

    [Test]
    public async Task JUnit_with_failed_samples_is_well_formed_even_when_outputs_hold_control_characters()
    {
        using var dir = new TempDirectory();
        var records = GateLogs.Samples(20, failing: [4, 5]);
        records[4] = GateLogs.Record("s004", 0, output: "bad\u0001\u001b[31m <script>&\"]]> \ud800 end");
        var run = GateLogs.Write(dir.Combine("run"), "run-1", records);
        var policy = GateLogs.Policy(dir, "  - id: floor\n    threshold: {metric: accuracy, scorer: pass, min: 0.95}\n  - id: errors\n    max_error_rate: 0\n");
        var junit = dir.Combine("junit.xml");

        var result = await CliRun.InvokeAsync(["gate", run, "--policy", policy, "--junit", junit, "--junit-samples"]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        var xml = XDocument.Parse(File.ReadAllText(junit));
        Assert.That(xml.Root!.Attribute("tests")!.Value, Is.EqualTo("4"), "two rule checks and two failed samples");
        Assert.That(xml.Root.Attribute("failures")!.Value, Is.EqualTo("3"));
        var samples = xml.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "failed samples");
        Assert.That(samples.Elements("testcase").Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[] { "s/s004", "s/s005" }));
        var body = samples.Elements("testcase").First().Element("failure")!.Value;
        Assert.That(body, Does.Contain("<script>&\"]]>"), "text is escaped by the writer and reads back as written");
        Assert.That(body.Any(c => c is '\u0001' or '\u001b'), Is.False, body);
        Assert.That(body, Does.Contain("bad\uFFFD\uFFFD[31m"), "characters XML cannot hold are replaced, not dropped silently");
        Assert.That(samples.Descendants("property").Single(p => (string?)p.Attribute("name") == "failed_samples_total").Attribute("value")!.Value, Is.EqualTo("2"));
    }

    [Test]
    public async Task The_markdown_summary_is_written_and_appended_to_the_github_step_summary()
    {
        using var dir = new TempDirectory();
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(20, failing: [1]));
        var policy = GateLogs.Policy(dir, "  - id: floor\n    threshold: {metric: accuracy, scorer: pass, min: 0.99}\n");
        var summary = dir.File("step-summary.md", "# Earlier step\n\n");
        var markdown = dir.Combine("gate.md");

        var result = await CliRun.InvokeAsync(["gate", run, "--policy", policy, "--markdown", markdown], new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        var appended = File.ReadAllText(summary);
        Assert.That(appended, Does.StartWith("# Earlier step\n\n## Gate: FAILED"));
        Assert.That(appended, Does.Contain("| FAIL | floor | s/pass/accuracy | 0.95 | ≥ 0.99 | value 0.95 &lt; 0.99 |"));
        Assert.That(File.ReadAllText(markdown), Is.EqualTo(appended["# Earlier step\n\n".Length..]));
    }

    [Test]
    public async Task Json_goes_to_standard_output_and_out_and_the_report_shows_gate_json()
    {
        using var dir = new TempDirectory();
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(20));
        var policy = GateLogs.Policy(dir, "  - id: floor\n    threshold: {metric: accuracy, scorer: pass, bound: lower, min: 0.8}\n");
        var output = dir.Combine("verdict.json");

        var result = await CliRun.InvokeAsync(["gate", run, "--policy", policy, "--format", "json", "--out", output]);
        var report = await CliRun.InvokeAsync(["report", run]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        var json = JsonNode.Parse(result.Out)!;
        Assert.That(json["schema"]!.GetValue<string>(), Is.EqualTo("evalharness.gate/1"));
        Assert.That(json["passed"]!.GetValue<bool>(), Is.True);
        Assert.That(json["outcomes"]![0]!["observed"]!.GetValue<double>(), Is.EqualTo(0.8389).Within(1e-3), "the Wilson lower bound of 20 of 20");
        Assert.That(File.ReadAllText(output), Is.EqualTo(File.ReadAllText(Path.Combine(run, "gate.json"))));
        Assert.That(report.ExitCode, Is.EqualTo(0), report.All);
        Assert.That(File.ReadAllText(Path.Combine(run, "report.md")), Does.Contain("## Gate: passed"));
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(run, "report.json")))!["gate"]!["passed"]!.GetValue<bool>(), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(run, "report.html")), Does.Contain("id=\"gate-table\""));
    }

    [Test]
    public async Task A_non_regression_rule_without_a_baseline_fails_unless_the_baseline_is_optional()
    {
        using var dir = new TempDirectory();
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(20));

        var required = await CliRun.InvokeAsync(["gate", run, "--policy", GateLogs.Policy(dir, NoRegression)]);
        var optional = await CliRun.InvokeAsync(["gate", run, "--policy", GateLogs.Policy(dir, NoRegression + "      baseline: optional\n", "optional.yaml")]);

        Assert.That(required.ExitCode, Is.EqualTo(1), required.All);
        Assert.That(required.Out, Does.Contain("needs a baseline run (--baseline)"));
        Assert.That(optional.ExitCode, Is.EqualTo(0), optional.All);
        Assert.That(optional.Out, Does.Contain("SKIP  no-regression  baseline  no baseline run given"));
    }

    [Test]
    public async Task Group_values_from_the_data_are_escaped_in_the_markdown_and_html_reports()
    {
        using var dir = new TempDirectory();
        const string Hostile = "<img src=x onerror=alert(1)>|*x*";
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(20, failing: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], category: i => i < 10 ? Hostile : "plain"));
        var policy = GateLogs.Policy(dir, "  - id: floor\n    threshold: {metric: accuracy, scorer: pass, min: 0.8, per: category}\n");

        var gate = await CliRun.InvokeAsync(["gate", run, "--policy", policy]);
        var report = await CliRun.InvokeAsync(["report", run]);

        Assert.That(gate.ExitCode, Is.EqualTo(1), gate.All);
        Assert.That(report.ExitCode, Is.EqualTo(0), report.All);
        var markdown = File.ReadAllText(Path.Combine(run, "report.md"));
        Assert.That(markdown, Does.Contain("s/pass/accuracy \\[category = &lt;img src=x onerror=alert(1)&gt;\\|\\*x\\*\\]"));
        var html = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.That(html, Does.Not.Contain("<img src=x"));
        Assert.That(html, Does.Contain("data-gate=\"fail\""));
    }

    [Test]
    public async Task A_verdict_on_an_earlier_state_of_the_log_is_left_out_of_the_reports()
    {
        using var dir = new TempDirectory();
        var run = GateLogs.Write(dir.Combine("run"), "run-1", GateLogs.Samples(20));
        var policy = GateLogs.Policy(dir, "  - id: errors\n    max_error_rate: 0\n");
        await CliRun.InvokeAsync(["gate", run, "--policy", policy]);
        // The log grows after the verdict, as a resumed run's does.
        File.Delete(Path.Combine(run, "log.jsonl"));
        GateLogs.Write(run, "run-1", GateLogs.Samples(25));

        var report = await CliRun.InvokeAsync(["report", run]);

        Assert.That(report.ExitCode, Is.EqualTo(0), report.All);
        Assert.That(report.Error, Does.Contain("gate.json judged an earlier state of the log (20 records, now 25)"));
        Assert.That(File.ReadAllText(Path.Combine(run, "report.md")), Does.Not.Contain("## Gate"));
    }
}
