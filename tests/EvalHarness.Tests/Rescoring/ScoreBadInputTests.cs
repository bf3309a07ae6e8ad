using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Rescoring;

/// <summary>Bad input to `evalh score`: one clear message naming file, line and field; exit 2; nothing written.</summary>
[TestFixture]
public sealed class ScoreBadInputTests
{
    [Test]
    public async Task A_directory_without_a_log()
    {
        using var dir = new TempDirectory();
        var empty = dir.Combine("no-run");
        Directory.CreateDirectory(empty);
        var score = await ScoreInto(dir, empty);
        Assert.That(score.Error, Does.Contain("holds no log.jsonl to re-score"));
    }

    [Test]
    public async Task An_occupied_output_directory_is_left_as_it_was()
    {
        using var dir = new TempDirectory();
        var occupied = dir.Combine("occupied");
        dir.File(Path.Combine("occupied", "notes.txt"), "mine");
        var score = await CliRun.InvokeAsync(["score", await DemoRunAsync(dir), "--out", occupied]);
        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.BadInput), score.All);
        Assert.That(score.Error, Does.Contain("field '--out'").And.Contain("already contains files"));
        Assert.That(Directory.GetFileSystemEntries(occupied).Select(Path.GetFileName), Is.EqualTo(new[] { "notes.txt" }));
    }

    [Test]
    public async Task A_scorers_file_with_an_unknown_scorer_names_its_file_line_and_field()
    {
        using var dir = new TempDirectory();
        var file = dir.File("bad-scorers.yaml", "scorers:\n  - includes\n  - name: exakt\n");
        var score = await ScoreInto(dir, await DemoRunAsync(dir), "--scorers", file);
        Assert.That(score.Error, Does.Match(@"bad-scorers\.yaml:3(:\d+)?: error: field 'scorers\[1\]\.name': unknown scorer 'exakt' \(did you mean 'exact'\?\)"));
    }

    [Test]
    public async Task A_scorers_file_with_another_key_than_scorers()
    {
        using var dir = new TempDirectory();
        var file = dir.File("extra-key.yaml", "scorers: [includes]\nscorer_options: {}\n");
        var score = await ScoreInto(dir, await DemoRunAsync(dir), "--scorers", file);
        Assert.That(score.Error, Does.Match(@"extra-key\.yaml:2(:\d+)?: error: field 'scorer_options': unknown field"));
    }

    [Test]
    public async Task A_judge_whose_rubric_needs_what_the_samples_lack_is_refused_before_any_call()
    {
        using var dir = new TempDirectory();
        var file = dir.File("judge.yaml", "scorers:\n  - id: req\n    name: judge\n    options: {rubric: requirement}\n");
        var score = await ScoreInto(dir, await DemoRunAsync(dir), "--scorers", file);
        Assert.That(score.Error, Does.Match(@"judge\.yaml:2(:\d+)?: error: field 'scorers\[0\]': scorer 'req' cannot score every sample"));
        Assert.That(score.Error, Does.Contain("needs the sample's requirement"));
    }

    [Test]
    public async Task Rejudge_without_a_judge()
    {
        using var dir = new TempDirectory();
        var score = await ScoreInto(dir, await DemoRunAsync(dir), "--rejudge");
        Assert.That(score.Error, Does.Contain("field '--rejudge'").And.Contain("--judge"));
    }

    [Test]
    public async Task The_demo_judge_for_a_run_of_a_live_model()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        var suite = JudgedSuite.Write(dir);
        var live = dir.Combine("live-run");
        var run = await CliRun.InvokeAsync(["run", suite, "--model", "openai/answer-model", "--base-url", model.BaseUrl.ToString(), "--no-cache", "--out", live]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        var counted = model.Requests.Count;

        var score = await ScoreInto(dir, live, "--judge", "demo");

        Assert.That(score.Error, Does.Contain("field '--judge'").And.Contain("can only judge --model demo"));
        Assert.That(model.Requests, Has.Count.EqualTo(counted), "the model was not called");
    }

    [Test]
    public async Task A_rubric_file_of_the_run_that_is_gone_is_named()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir, "strict.md"), model, judge);
        File.Delete(dir.Combine("suite", "strict.md"));

        var score = await ScoreInto(dir, run, "--judge", JudgedSuite.JudgeSpec, "--judge-base-url", judge.BaseUrl.ToString());

        Assert.That(score.Error, Does.Contain("strict.md: error: file not found"));
    }

    private static async Task<string> DemoRunAsync(TempDirectory dir)
    {
        var output = dir.Combine("demo-run");
        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", output]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        return output;
    }

    private static async Task<CliRun> ScoreInto(TempDirectory dir, string run, params string[] more)
    {
        var output = dir.Combine("scored");
        var score = await CliRun.InvokeAsync(["score", run, "--out", output, .. more]);
        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.BadInput), score.All);
        Assert.That(Directory.Exists(output), Is.False, "nothing written");
        return score;
    }
}
