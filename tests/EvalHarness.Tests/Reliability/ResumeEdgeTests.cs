using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

/// <summary>--resume on a run with nothing left to do, and on directories that hold no run.</summary>
[TestFixture]
public sealed class ResumeEdgeTests
{
    private static Dictionary<string, string> Variables(TempDirectory dir) => new() { ["OPENAI_API_KEY"] = Runs.Key, ["EVALH_CACHE_DIR"] = dir.Combine("cache") };

    private static SortedDictionary<string, string> Snapshot(string directory) =>
        new(Directory.GetFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);

    [Test]
    public async Task Resuming_a_complete_run_says_so_and_changes_no_file()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));
        var suite = SuiteFiles.Arithmetic(dir, 5, epochs: 2);
        var output = dir.Combine("run");
        var first = await CliRun.InvokeAsync(["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", output, "--no-cache"], Variables(dir));
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.All);
        var before = Snapshot(output);
        var requests = server.Requests.Count;

        var resume = await CliRun.InvokeAsync(["run", "--resume", output, "--no-cache"], Variables(dir));

        Assert.That(resume.ExitCode, Is.EqualTo(ExitCodes.Ok), resume.All);
        Assert.That(resume.Out, Does.Contain("is already complete").And.Contain("nothing to resume"));
        Assert.That(server.Requests, Has.Count.EqualTo(requests), "no request was made");
        var after = Snapshot(output);
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys), "no file was added or removed");
        Assert.That(after[RunFiles.Log], Is.EqualTo(before[RunFiles.Log]), "no resume record, no second footer");
        Assert.That(after[RunFiles.Results], Is.EqualTo(before[RunFiles.Results]));
        var log = RunLogReader.Read(Path.Combine(output, RunFiles.Log));
        Assert.That(log.Resumes, Is.Empty);
        Assert.That(File.ReadAllLines(Path.Combine(output, RunFiles.Log)).Count(l => l.Contains("\"status\"", StringComparison.Ordinal)), Is.EqualTo(1), "one footer");
    }

    [Test]
    public async Task Resuming_a_finished_run_whose_last_records_were_lost_runs_only_those()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));
        var suite = SuiteFiles.Arithmetic(dir, 4);
        var output = dir.Combine("run");
        var first = await CliRun.InvokeAsync(["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", output, "--no-cache", "--max-connections", "1"], Variables(dir));
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.All);

        // Lose the footer: the run is not known to be finished, so resume must still write it.
        var log = Path.Combine(output, RunFiles.Log);
        var lines = File.ReadAllLines(log);
        File.WriteAllLines(log, lines.Where(l => !l.Contains("\"status\"", StringComparison.Ordinal)));
        File.Delete(Path.Combine(output, RunFiles.Results));

        var resume = await CliRun.InvokeAsync(["run", "--resume", output, "--no-cache"], Variables(dir));

        Assert.That(resume.ExitCode, Is.EqualTo(ExitCodes.Ok), resume.All);
        Assert.That(resume.Out, Does.Not.Contain("already complete"));
        Assert.That(RunLogReader.Read(log).Footer?.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(File.Exists(Path.Combine(output, RunFiles.Results)), Is.True);
    }

    [TestCase("no log", null)]
    [TestCase("empty log", "")]
    [TestCase("garbage log", "this is not json\nneither is this\n")]
    [TestCase("another json file", "{\"name\": \"something else\"}\n")]
    public async Task Resume_of_a_directory_that_holds_no_run_exits_2_and_writes_nothing(string what, string? logContent)
    {
        using var dir = new TempDirectory();
        var target = dir.Combine("not-a-run");
        dir.File(Path.Combine("not-a-run", "notes.txt"), "mine");
        if (logContent is not null)
        {
            dir.File(Path.Combine("not-a-run", RunFiles.Log), logContent);
        }

        var before = Snapshot(target);

        var run = await CliRun.InvokeAsync(["run", "--resume", target], Variables(dir));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        var expected = logContent is null ? "holds no log.jsonl to resume" : "is not an EvalHarness run log";
        Assert.That(run.Error, Does.Contain(expected), what);
        Assert.That(run.Error, Does.Contain("not-a-run"), "the message names the directory or its log");
        Assert.That(run.All, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        Assert.That(Snapshot(target), Is.EqualTo(before), "nothing was written into the directory");
    }

    [Test]
    public async Task Resume_of_a_directory_that_does_not_exist_exits_2_and_creates_nothing()
    {
        using var dir = new TempDirectory();
        var missing = dir.Combine("missing");

        var run = await CliRun.InvokeAsync(["run", "--resume", missing], Variables(dir));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain("holds no log.jsonl to resume"));
        Assert.That(Directory.Exists(missing), Is.False);
    }
}
