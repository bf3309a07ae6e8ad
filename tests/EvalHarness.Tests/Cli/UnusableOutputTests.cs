using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>
/// An output directory that cannot be made or written is bad input (exit 2, one line) found before the run
/// starts, not an internal error after the target has answered every sample.
/// </summary>
[TestFixture]
public sealed class UnusableOutputTests
{
    [Test]
    public async Task Run_out_naming_an_existing_file()
    {
        using var dir = new TempDirectory();
        var file = dir.File("taken", "keep me");

        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", file], reportsRoot: dir.Combine("reports"));

        AssertOneLine(run, $"command line: error: field '--out': {file} is a file, not a directory");
        Assert.That(File.ReadAllText(file), Is.EqualTo("keep me"));
        Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.EqualTo(new[] { file }), "nothing written");
    }

    [Test]
    public async Task Run_out_under_a_file()
    {
        using var dir = new TempDirectory();
        var file = dir.File("taken", "keep me");

        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", Path.Combine(file, "run", "1")], reportsRoot: dir.Combine("reports"));

        AssertOneLine(run, $"command line: error: field '--out': {file} is a file, so {Path.Combine(file, "run", "1")} cannot be a directory inside it");
        Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.EqualTo(new[] { file }), "nothing written");
    }

    [Test]
    public async Task Run_without_out_when_the_reports_directory_is_a_file()
    {
        using var dir = new TempDirectory();
        var reports = dir.File("reports", "not a directory");

        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo"], reportsRoot: reports);

        AssertOneLine(run, $"runs go under {reports} by default, but {reports} is a file, not a directory; choose a directory with --out");
    }

    /// <summary>
    /// Tests run as root, whom permission bits do not stop, so a chmod'ed directory proves nothing here; sysfs
    /// refuses new files even to root, which is the same failure a user meets in a directory they may not write.
    /// </summary>
    [Test]
    public async Task Run_out_in_a_directory_that_refuses_writes()
    {
        Assume.That(OperatingSystem.IsLinux() && Directory.Exists("/sys/kernel"), "needs Linux sysfs");
        var target = "/sys/evalh-test-" + Guid.NewGuid().ToString("N")[..8];

        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", target]);

        AssertOneLine(run, "command line: error: field '--out': cannot write in /sys (permission denied)");
        Assert.That(Directory.Exists(target), Is.False);
    }

    [Test]
    public async Task Merge_and_report_out_naming_a_file()
    {
        using var dir = new TempDirectory();
        Assert.That((await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", dir.Combine("run")])).ExitCode, Is.EqualTo(ExitCodes.Ok));
        var file = dir.File("taken", "keep me");

        var merge = await CliRun.InvokeAsync(["merge", dir.Combine("run"), "--out", file]);
        var report = await CliRun.InvokeAsync(["report", dir.Combine("run"), "--out", Path.Combine(file, "sub")]);

        AssertOneLine(merge, $"command line: error: field '--out': {file} is a file, not a directory");
        AssertOneLine(report, $"command line: error: field '--out': {file} is a file, so {Path.Combine(file, "sub")} cannot be a directory inside it");
        Assert.That(File.ReadAllText(file), Is.EqualTo("keep me"));
    }

    private static void AssertOneLine(CliRun run, string message)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(run.Out, Is.Empty, "found before the run starts");
        Assert.That(run.All, Does.Not.Contain("internal error").And.Not.Contain("Exception").And.Not.Contain("   at "));
    }
}
