using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>
/// `evalh report` re-renders an old run from log.jsonl alone: what it writes must be what the run wrote,
/// or a re-rendered report could not be trusted as evidence of the original run.
/// </summary>
[TestFixture]
public sealed class ReportRegenerationTests
{
    private static readonly string[] Derived = ["results.json", "report.html", "report.md", "samples.csv", "report.json"];

    [Test]
    public async Task Every_format_regenerated_from_the_log_alone_equals_what_the_run_wrote()
    {
        using var dir = new TempDirectory();
        var output = await RunAsync(dir, "run");
        var originals = Derived.ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(output, name)));
        foreach (var name in Derived)
        {
            File.Delete(Path.Combine(output, name));
        }

        var report = await CliRun.InvokeAsync(["report", output]);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.All);
        foreach (var name in Derived)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(output, name)), Is.EqualTo(originals[name]), name + " differs from the run's own");
        }
    }

    [Test]
    public async Task A_torn_last_line_left_by_a_killed_writer_is_left_out_with_a_note()
    {
        using var dir = new TempDirectory();
        var output = await RunAsync(dir, "run");
        var original = File.ReadAllText(Path.Combine(output, "results.json"));
        File.AppendAllText(Path.Combine(output, "log.jsonl"), "{\"type\":\"sample\",\"suite\":\"smo");

        var report = await CliRun.InvokeAsync(["report", output]);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.All);
        Assert.That(File.ReadAllText(Path.Combine(output, "results.json")), Is.EqualTo(original));
        Assert.That(report.Error, Does.Contain("last line of the log is incomplete"), "the user learns the writer was killed");
    }

    [Test]
    public async Task A_damaged_record_inside_the_log_names_its_line_exits_2_and_leaves_the_reports_as_they_were()
    {
        using var dir = new TempDirectory();
        var output = await RunAsync(dir, "run");
        var log = Path.Combine(output, "log.jsonl");
        var lines = File.ReadAllLines(log);
        lines[3] = lines[3][..20];
        File.WriteAllLines(log, lines);
        var before = Derived.ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(output, name)));

        var report = await CliRun.InvokeAsync(["report", output]);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.BadInput), report.All);
        Assert.That(report.Error, Does.Contain("log.jsonl:4: error: damaged record"), "the message names the file and line");
        Assert.That(report.Error, Does.Not.Contain("LineNumber").And.Not.Contain("BytePositionInLine"), "the parser's 0-based position would contradict ours");
        foreach (var name in Derived)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(output, name)), Is.EqualTo(before[name]), name + " was rewritten from a damaged log");
        }
    }

    private static async Task<string> RunAsync(TempDirectory dir, string name)
    {
        var output = dir.Combine(name);
        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", output]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        return output;
    }
}
