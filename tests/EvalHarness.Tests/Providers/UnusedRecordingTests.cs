using EvalHarness.Cli;
using EvalHarness.Providers;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;
using EvalHarness.Models;

namespace EvalHarness.Tests.Providers;

/// <summary>Recordings that answer no sample of the run are not silently ignored: they usually mean the recordings and the dataset disagree.</summary>
[TestFixture]
public sealed class UnusedRecordingTests
{
    [Test]
    public void Replay_warns_once_per_file_with_the_count_and_the_first_ids()
    {
        using var dir = new TempDirectory();
        var suite = Runs.Load(SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", "{\"id\": \"a\", \"input\": \"q\", \"target\": \"x\"}\n"));
        var lines = new[] { "a", "old1", "old2", "old3", "old4", "old5", "old6", "old7" }.Select(id => $"{{\"id\": \"{id}\", \"output\": \"x\"}}");
        var file = dir.File("rec.jsonl", string.Join('\n', lines) + "\n{\"id\": \"old1\", \"epoch\": 2, \"output\": \"x\"}\n");
        var warnings = new DiagnosticBag();

        TestModels.Create("replay:" + file, new ModelSettings(), [suite], warnings);

        var warning = warnings.Items.Single();
        Assert.That(warning.IsError, Is.False);
        Assert.That(warning.ToString(), Is.EqualTo($"{file}:2: warning: field 'id': 7 recorded sample ids are not in suite 'tiny', so those recordings are ignored: 'old1', 'old2', 'old3', 'old4', 'old5' and 2 more"));
    }

    [Test]
    public void Demo_recordings_are_checked_against_their_own_suite()
    {
        using var dir = new TempDirectory();
        dir.File("one/demo.jsonl", "{\"id\": \"a\", \"output\": \"x\"}\n");
        var stray = dir.File("two/demo.jsonl", "{\"id\": \"b\", \"output\": \"x\"}\n{\"id\": \"a\", \"output\": \"x\"}\n");
        var first = Runs.Load(SuiteFiles.Write(dir, SuiteFiles.MinimalSuite.Replace("name: tiny", "name: one") + "\ndemo_recordings: demo.jsonl\n", "data.jsonl", "{\"id\": \"a\", \"input\": \"q\", \"target\": \"x\"}\n", folder: "one"));
        var second = Runs.Load(SuiteFiles.Write(dir, SuiteFiles.MinimalSuite.Replace("name: tiny", "name: two") + "\ndemo_recordings: demo.jsonl\n", "data.jsonl", "{\"id\": \"b\", \"input\": \"q\", \"target\": \"x\"}\n", folder: "two"));
        var warnings = new DiagnosticBag();

        TestModels.Create("demo", new ModelSettings(), [first, second], warnings);

        Assert.That(warnings.Items.Single().ToString(), Is.EqualTo($"{stray}:2: warning: field 'id': 1 recorded sample id is not in suite 'two', so those recordings are ignored: 'a'"),
            "'a' is a sample of suite one, but a suite's demo file answers only its own suite");
    }

    [Test]
    public async Task The_warning_goes_to_stderr_and_the_run_still_succeeds()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", "{\"id\": \"a\", \"input\": \"q\", \"target\": \"x\"}\n");
        var file = dir.File("rec.jsonl", "{\"id\": \"a\", \"output\": \"x\"}\n{\"id\": \"gone\", \"output\": \"x\"}\n");

        var run = await CliRun.InvokeAsync(["run", suite, "--model", "replay:" + file, "--out", dir.Combine("out")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(run.Error, Does.Contain($"{file}:2: warning: field 'id': 1 recorded sample id is not in suite 'tiny', so those recordings are ignored: 'gone'"));
        Assert.That(run.Out, Does.Not.Contain("warning"));
    }

    [Test]
    public async Task The_bundled_demo_recordings_answer_only_their_suites()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.InvokeAsync(["run", RepoPaths.Suites, "--model", "demo", "--out", dir.Combine("out")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(run.Error, Does.Not.Contain("warning"));
    }
}
