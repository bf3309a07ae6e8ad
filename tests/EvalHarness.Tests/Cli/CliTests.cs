using EvalHarness.Cli;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>Exit codes and messages of the evalh command line, run in-process.</summary>
[TestFixture]
public sealed class CliTests
{
    private static string Smoke => Path.Combine(RepoPaths.Suites, "smoke");

    [Test]
    public async Task Version_and_help_exit_zero()
    {
        var version = await CliRun.InvokeAsync(["--version"]);
        Assert.That(version.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(version.Out, Does.StartWith("evalh 0.1.0"));

        var help = await CliRun.InvokeAsync(["--help"]);
        Assert.That(help.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(help.Out, Does.Contain("run").And.Contain("validate").And.Contain("list").And.Contain("report"));

        foreach (var command in new[] { "run", "validate", "list", "report" })
        {
            var sub = await CliRun.InvokeAsync([command, "--help"]);
            Assert.That(sub.ExitCode, Is.EqualTo(ExitCodes.Ok), command);
            Assert.That(sub.Out, Does.Contain("Usage"), command);
        }
    }

    [Test]
    public async Task Validate_accepts_the_bundled_suites()
    {
        var run = await CliRun.InvokeAsync(["validate", RepoPaths.Suites]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(run.Out, Does.Contain("ok: smoke"));
    }

    [Test]
    public async Task Validate_reports_a_broken_suite_with_exit_code_2()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, "name: b\ndataset: data.jsonl\nscorers: [exact, nosuch]\n", "data.jsonl", "{\"id\": 1, \"input\": \"q\"}\n");
        var run = await CliRun.InvokeAsync(["validate", path]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("suite.yaml:3:").And.Contain("unknown scorer 'nosuch'"));
        Assert.That(run.Error, Does.Contain("data.jsonl:1: error: field 'target': sample '1', scorer 'exact': this scorer compares with the sample's target, but the sample has none"));
    }

    [TestCase(new[] { "run", "smoke" }, "--model")]
    [TestCase(new[] { "run", "smoke", "--model", "demo", "--bogus" }, "--bogus")]
    [TestCase(new[] { "run", "smoke", "--model", "demo", "--max-connections", "0" }, "--max-connections must be between 1 and 10000")]
    [TestCase(new[] { "run", "smoke", "--model", "demo", "--temperature", "hot" }, "hot")]
    [TestCase(new[] { "run", "smoke", "--model", "gpt-4" }, "'gpt-4' is not a model")]
    [TestCase(new[] { "run", "no-such-suite", "--model", "demo" }, "'no-such-suite' is not a suite file")]
    [TestCase(new[] { "frobnicate" }, "frobnicate")]
    public async Task Bad_arguments_exit_with_code_2_and_name_the_problem(string[] args, string expected)
    {
        var run = await CliRun.InvokeAsync(args);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain(expected));
    }

    [Test]
    public async Task Bad_input_leaves_no_output_directory_behind()
    {
        using var dir = new TempDirectory();
        var broken = SuiteFiles.Write(dir, "name: b\ndataset: data.jsonl\nscorers: [exact]\n", "data.jsonl", "{not json}\n");
        var reports = dir.Combine("reports");

        var badSuite = await CliRun.InvokeAsync(["run", broken, "--model", "demo", "--out", dir.Combine("out1")], reportsRoot: reports);
        var badModel = await CliRun.InvokeAsync(["run", Smoke, "--model", "replay:" + dir.Combine("missing.jsonl"), "--out", dir.Combine("out2")], reportsRoot: reports);
        var badDefault = await CliRun.InvokeAsync(["run", broken, "--model", "mock"], reportsRoot: reports);

        Assert.That(new[] { badSuite.ExitCode, badModel.ExitCode, badDefault.ExitCode }, Is.All.EqualTo(ExitCodes.BadInput));
        Assert.That(badModel.Error, Does.Contain("missing.jsonl: error: field '--model replay:': file not found"));
        Assert.That(Directory.Exists(dir.Combine("out1")) || Directory.Exists(dir.Combine("out2")) || Directory.Exists(reports), Is.False);
    }

    [Test]
    public async Task A_demo_run_writes_log_results_and_report_and_points_latest_at_them()
    {
        using var dir = new TempDirectory();
        var reports = dir.Combine("reports");

        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo"], reportsRoot: reports);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(run.Out, Does.Contain("demo recordings, not a live model"));
        var runDir = Directory.GetDirectories(reports).Single(d => new DirectoryInfo(d).LinkTarget is null);
        Assert.That(Path.GetFileName(runDir), Does.Match(@"^\d{8}T\d{6}Z-smoke-demo$"));
        Assert.That(Directory.GetFiles(runDir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "log.jsonl", "results.json", "report.html", "report.md", "samples.csv", "report.json" }));
        Assert.That(new DirectoryInfo(Path.Combine(reports, "latest")).LinkTarget, Is.EqualTo(Path.GetFileName(runDir)));
        var results = ResultsFile.Read(Path.Combine(runDir, "results.json"));
        Assert.That(results.Model.Label, Is.EqualTo("demo recordings, not a live model"));
        Assert.That(File.ReadAllText(Path.Combine(runDir, "report.html")), Does.Contain("demo recordings, not a live model"));
    }

    [Test]
    public async Task A_run_never_writes_into_an_occupied_directory()
    {
        using var dir = new TempDirectory();
        dir.File("out/keep.txt", "mine");
        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", dir.Combine("out")]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("already contains files"));
        Assert.That(Directory.GetFiles(dir.Combine("out")), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Report_regenerates_identical_results_from_the_log_alone()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("run");
        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", output]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        var original = File.ReadAllText(Path.Combine(output, "results.json"));
        foreach (var derived in new[] { "results.json", "report.html", "report.md", "samples.csv", "report.json" })
        {
            File.Delete(Path.Combine(output, derived));
        }

        var report = await CliRun.InvokeAsync(["report", output]);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.All);
        Assert.That(File.ReadAllText(Path.Combine(output, "results.json")), Is.EqualTo(original));
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EquivalentTo(new[] { "log.jsonl", "results.json", "report.html", "report.md", "samples.csv", "report.json" }), "every format comes back from the log alone");
    }

    [Test]
    public async Task List_shows_scorers_targets_and_suites()
    {
        var scorers = await CliRun.InvokeAsync(["list", "scorers"]);
        Assert.That(scorers.Out, Does.Contain("choice").And.Contain("numeric").And.Contain("exact").And.Contain("includes").And.Contain("pattern"));
        var targets = await CliRun.InvokeAsync(["list", "targets"]);
        Assert.That(targets.Out, Does.Contain("openai/<model>").And.Contain("replay:<file.jsonl>").And.Contain("mock"));
        var suites = await CliRun.InvokeAsync(["list", "suites"]);
        Assert.That(suites.Out, Does.Contain("smoke"));
        Assert.That(new[] { scorers.ExitCode, targets.ExitCode, suites.ExitCode }, Is.All.EqualTo(ExitCodes.Ok));
    }
}
