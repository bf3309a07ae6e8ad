using System.Text.Json;
using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

[TestFixture]
public sealed class ReportCommandTests
{
    [Test]
    public async Task Compare_writes_a_comparison_into_every_format_where_a_drop_on_few_samples_is_too_few_to_tell_not_a_regression()
    {
        using var dir = new TempDirectory();
        var perfect = dir.File("perfect.jsonl", string.Join('\n', File.ReadAllLines(Path.Combine(RepoPaths.Suites, "smoke", "demo.jsonl"))
            .Select(l => l.Replace("\"The answer is A.\"", "\"The answer is C.\"", StringComparison.Ordinal))) + "\n");
        Assert.That((await CliRun.InvokeAsync(["run", "smoke", "--model", "replay:" + perfect, "--out", dir.Combine("baseline")])).ExitCode, Is.EqualTo(0));
        Assert.That((await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", dir.Combine("candidate")])).ExitCode, Is.EqualTo(0));

        var report = await CliRun.InvokeAsync(["report", dir.Combine("candidate"), "--compare", dir.Combine("baseline"), "--out", dir.Combine("diff")]);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.All);
        // The demo answers lose one of eight choice items: the old rule (any delta) called that a regression; McNemar
        // (b = 1, c = 0, p = 1) on eight samples cannot tell it from noise.
        Assert.That(report.Out, Does.Contain("0 significant regressions, 0 significant improvements"));
        var markdown = File.ReadAllText(Path.Combine(dir.Combine("diff"), "report.md"));
        Assert.That(markdown, Does.Contain("Comparison with").And.Contain("| smoke | all samples | choice | accuracy | 100.0% | 87.5% | -12.5 pp \\[-37.5, 0.0\\] | 1.0000 | — | too few samples to tell |"));
        var html = File.ReadAllText(Path.Combine(dir.Combine("diff"), "report.html"));
        Assert.That(html, Does.Not.Contain("<tr class=\"change-regression\""));
        Assert.That(html, Does.Contain("<tr class=\"change-too_few\"><td>smoke</td><td></td><td>choice</td><td>accuracy</td><td class=\"num\">100.0%</td><td class=\"num\">87.5%</td><td class=\"num\">-12.5 pp [-37.5, 0.0]</td>"));
        Assert.That(html.IndexOf("<tr class=\"change-too_few\"", StringComparison.Ordinal), Is.LessThan(html.IndexOf("<tr class=\"change-no_change\"", StringComparison.Ordinal)), "too few to tell comes before no significant change");
        Assert.That(html, Does.Not.Contain("<td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td>"), "metrics neither run measured are not listed");
        Assert.That(File.Exists(Path.Combine(dir.Combine("candidate"), "report.md")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(dir.Combine("candidate"), "report.md")), Does.Not.Contain("Comparison with"), "--out leaves the run's own reports alone");
    }

    [TestCase(true, TestName = "{m}(this run ran one more suite)")]
    [TestCase(false, TestName = "{m}(the baseline ran one more suite)")]
    public async Task Compare_of_runs_with_different_suites_warns_and_compares_only_the_suites_both_ran(bool candidateHasMore)
    {
        using var dir = new TempDirectory();
        string[] both = ["smoke", "japanese-quality"];
        // The suite both ran is japanese-quality: its quality tag gives the overview a row to recompute over the
        // common suites (smoke makes no risk, perspective or quality claim, so it has none).
        string[] one = ["japanese-quality"];
        Assert.That((await CliRun.InvokeAsync(["run", .. candidateHasMore ? both : one, "--model", "demo", "--out", dir.Combine("candidate")])).ExitCode, Is.EqualTo(0));
        Assert.That((await CliRun.InvokeAsync(["run", .. candidateHasMore ? one : both, "--model", "demo", "--out", dir.Combine("baseline")])).ExitCode, Is.EqualTo(0));

        var report = await CliRun.InvokeAsync(["report", dir.Combine("candidate"), "--compare", dir.Combine("baseline"), "--out", dir.Combine("diff")]);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.All);
        var warning = (candidateHasMore ? "only this run ran" : "only the baseline ran") + " smoke";
        Assert.That(report.Error.Split('\n').Count(l => l.StartsWith("warning: the runs ran different suites", StringComparison.Ordinal) && l.Contains(warning, StringComparison.Ordinal)), Is.EqualTo(1), report.Error);
        Assert.That(report.Out, Does.Contain(": 0 significant regressions, 0 significant improvements"), "the same demo answers on japanese-quality: nothing changed, whatever smoke did");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Combine("diff"), "report.json")));
        var comparison = json.RootElement.GetProperty("comparison");
        var deltas = comparison.GetProperty("deltas").EnumerateArray().ToList();
        Assert.That(deltas.Select(d => d.GetProperty("suite").GetString()).Distinct(), Is.EquivalentTo(new[] { "japanese-quality", "(suites both runs ran)" }));
        Assert.That(deltas.Select(d => d.GetProperty("change").GetString()), Has.All.AnyOf("no significant change", "too few samples to tell"));
        Assert.That(deltas.Count(d => d.GetProperty("suite").GetString() == "(suites both runs ran)"), Is.GreaterThan(0), "the overview is compared over the common suites");
        Assert.That(comparison.GetProperty(candidateHasMore ? "only_in_candidate" : "only_in_baseline").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "smoke" }));
        Assert.That(File.ReadAllText(Path.Combine(dir.Combine("diff"), "report.md")), Does.Contain("only the suites both ran are compared"));
        Assert.That(File.ReadAllText(Path.Combine(dir.Combine("diff"), "report.html")), Does.Contain("id=\"comparison-suites\"").And.Contain("<code>smoke</code>"));
    }

    [Test]
    public async Task Lang_chooses_the_language_the_report_opens_in()
    {
        using var dir = new TempDirectory();
        await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", dir.Combine("run")]);

        var ja = await CliRun.InvokeAsync(["report", dir.Combine("run"), "--lang", "ja"]);
        var bad = await CliRun.InvokeAsync(["report", dir.Combine("run"), "--lang", "fr"]);

        Assert.That(ja.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(File.ReadAllText(Path.Combine(dir.Combine("run"), "report.html")), Does.Contain("<html lang=\"ja\" data-lang=\"ja\">"));
        Assert.That(bad.ExitCode, Is.EqualTo(ExitCodes.BadInput));
    }

    [Test]
    public async Task A_missing_or_damaged_log_is_an_input_error()
    {
        using var dir = new TempDirectory();
        dir.File("damaged/log.jsonl", "{\"type\": \"sample\"}\n");
        var missing = await CliRun.InvokeAsync(["report", dir.Combine("nothing")]);
        var damaged = await CliRun.InvokeAsync(["report", dir.Combine("damaged")]);
        Assert.That((missing.ExitCode, damaged.ExitCode), Is.EqualTo((ExitCodes.BadInput, ExitCodes.BadInput)));
        Assert.That(missing.Error, Does.Contain("run log not found"));
        Assert.That(damaged.Error, Does.Contain("is not an EvalHarness run log"));
    }
}
