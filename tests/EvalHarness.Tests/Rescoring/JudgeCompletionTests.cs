using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Rescoring;

/// <summary>
/// A judge outage costs only the verdicts: the model's answers are kept, the samples show judge errors, and
/// `evalh score --judge` later asks the judge about exactly those, never the model again.
/// </summary>
[TestFixture]
public sealed class JudgeCompletionTests
{
    [Test]
    public async Task After_an_outage_score_judges_exactly_the_errored_samples_and_keeps_the_other_verdicts()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var outage = await FakeOpenAiServer.StartAsync(r => JudgedSuite.QuestionOf(r) % 2 == 0 ? FakeReply.Error(500, "judge down") : JudgedSuite.Judge(r));
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir), model, outage);
        var original = RunLogReader.Read(Path.Combine(run, "log.jsonl"));
        Assert.That(original.Samples.Count(s => s.Scores!["req"].JudgeError == true), Is.EqualTo(3), "the outage left judge errors on samples 2, 4 and 6");
        var modelCalls = model.Requests.Count;

        var score = await JudgedSuite.ScoreAsync(run, dir.Combine("scored"), judge);

        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.Ok), score.All);
        Assert.That(judge.Requests.Select(JudgedSuite.QuestionOf).Order(), Is.EqualTo(new[] { 2, 4, 6 }), "only the errored samples were judged");
        Assert.That(model.Requests, Has.Count.EqualTo(modelCalls), "the model under evaluation was not called");
        var scored = RunLogReader.Read(dir.Combine("scored", "log.jsonl"));
        Assert.That(scored.Samples.Select(s => s.Scores!["req"].Value), Is.All.EqualTo(1), "every sample has a verdict");
        foreach (var kept in original.Samples.Where(s => s.Scores!["req"].JudgeError is null))
        {
            var now = scored.Samples.Single(s => s.Id == kept.Id).Scores!["req"];
            Assert.That(now.Metadata!.ToJsonString(), Is.EqualTo(kept.Scores!["req"].Metadata!.ToJsonString()), $"{kept.Id}: the recorded verdict, with its judge call, is kept");
        }

        Assert.That(scored.Samples.Select(s => s.Output), Is.EqualTo(original.Samples.Select(s => s.Output)), "the answers are the recorded ones");
        Assert.That(score.Out, Does.Contain("re-scored 6 samples: 3 judged, 3 kept from the original, 0 judge errors"));
        Assert.That(scored.Header.Roles!.Single().Models.Single().BaseUrl, Is.EqualTo(judge.BaseUrl.ToString().TrimEnd('/')), "the header names the judge that completed the run");
        Assert.That(scored.Limits.Where(l => l.Role == "judge"), Is.Not.Empty, "the judge's concurrency limit is logged with its role");
    }

    [Test]
    public async Task Without_a_judge_the_verdicts_and_the_judge_errors_stay_as_recorded_and_the_errors_are_counted()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var outage = await FakeOpenAiServer.StartAsync(r => JudgedSuite.QuestionOf(r) % 2 == 0 ? FakeReply.Error(500, "judge down") : JudgedSuite.Judge(r));
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir), model, outage);
        var judgeCalls = outage.Requests.Count;

        var score = await JudgedSuite.ScoreAsync(run, dir.Combine("scored"), judge: null);

        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.Ok), score.All);
        Assert.That(outage.Requests, Has.Count.EqualTo(judgeCalls), "no judge was given, so none was asked");
        var original = RunLogReader.Read(Path.Combine(run, "log.jsonl"));
        var scored = RunLogReader.Read(dir.Combine("scored", "log.jsonl"));
        Assert.That(scored.Samples.Select(s => s.Scores!["req"].JudgeError), Is.EqualTo(original.Samples.Select(s => s.Scores!["req"].JudgeError)));
        Assert.That(score.Error, Does.Contain("warning: 3 judge errors stay"));
    }

    [Test]
    public async Task Rejudge_asks_the_judge_about_every_sample()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir), model, judge);
        var judgeCalls = judge.Requests.Count;

        var score = await JudgedSuite.ScoreAsync(run, dir.Combine("scored"), judge, "--rejudge");

        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.Ok), score.All);
        Assert.That(judge.Requests.Skip(judgeCalls).Select(JudgedSuite.QuestionOf).Order(), Is.EqualTo(Enumerable.Range(1, JudgedSuite.Samples)));
        Assert.That(score.Out, Does.Contain($"{JudgedSuite.Samples} judged, 0 kept"));
    }

    [Test]
    public async Task Verdicts_of_an_unchanged_rubric_are_kept_and_an_edited_rubric_file_is_judged_again()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir, "strict.md"), model, judge);
        var judgeCalls = judge.Requests.Count;

        var same = await JudgedSuite.ScoreAsync(run, dir.Combine("same"), judge);
        Assert.That(same.ExitCode, Is.EqualTo(ExitCodes.Ok), same.All);
        Assert.That(judge.Requests, Has.Count.EqualTo(judgeCalls), "same judge, same rubric: nothing to ask");

        dir.File(Path.Combine("suite", "strict.md"), JudgedSuite.Rubric.Replace("Decide whether", "Decide strictly whether", StringComparison.Ordinal));
        var edited = await JudgedSuite.ScoreAsync(run, dir.Combine("edited"), judge);

        Assert.That(edited.ExitCode, Is.EqualTo(ExitCodes.Ok), edited.All);
        Assert.That(judge.Requests.Skip(judgeCalls).Select(JudgedSuite.QuestionOf).Order(), Is.EqualTo(Enumerable.Range(1, JudgedSuite.Samples)));
        Assert.That(judge.Requests.Skip(judgeCalls).All(r => r.LastUserMessage.Contains("Decide strictly whether", StringComparison.Ordinal)), Is.True, "the edited rubric was used");
        var before = RunLogReader.Read(Path.Combine(run, "log.jsonl")).Header.Suites.Single().Scorers.Single(s => s.Id == "req").Resources!.Single().Sha256;
        var after = RunLogReader.Read(dir.Combine("edited", "log.jsonl")).Header.Suites.Single().Scorers.Single(s => s.Id == "req").Resources!.Single().Sha256;
        Assert.That(after, Is.Not.EqualTo(before), "the header records the rubric that judged");
    }

    [Test]
    public async Task Interrupting_before_every_sample_is_scored_leaves_nothing_behind()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var stuck = await FakeOpenAiServer.StartAsync(_ =>
        {
            asked.TrySetResult();
            return FakeReply.Hang();
        });
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir), model, judge);
        using var interrupt = new CancellationTokenSource();

        var scoring = CliRun.InvokeAsync(
            ["score", run, "--out", dir.Combine("scored"), "--judge", JudgedSuite.JudgeSpec, "--judge-base-url", stuck.BaseUrl.ToString(), "--rejudge", "--no-cache"],
            cancellationToken: interrupt.Token);
        await asked.Task;
        await interrupt.CancelAsync();
        var score = await scoring;

        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.Interrupted), score.All);
        Assert.That(score.Error, Does.Contain("nothing was written"));
        Assert.That(Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "run", "suite" }), "no run directory, whole or partial");
    }

    [Test]
    public async Task When_every_judge_call_fails_the_judge_is_unusable_exit_3_and_nothing_is_written()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);
        await using var down = await FakeOpenAiServer.StartAsync(_ => FakeReply.Error(500, "judge down"));
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir), model, judge);

        var score = await JudgedSuite.ScoreAsync(run, dir.Combine("scored"), down, "--rejudge");

        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.Aborted), score.All);
        Assert.That(score.Error, Does.Contain("the judge is unusable"));
        Assert.That(Directory.Exists(dir.Combine("scored")), Is.False, "nothing written");
    }
}
