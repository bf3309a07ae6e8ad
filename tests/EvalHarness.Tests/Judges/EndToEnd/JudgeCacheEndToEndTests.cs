using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>Judge calls go through the response cache like the model's: a rerun costs no judge request, unless --no-cache.</summary>
[TestFixture]
public sealed class JudgeCacheEndToEndTests
{
    [Test]
    public async Task A_second_identical_run_is_judged_from_the_cache_and_no_cache_asks_the_judge_again()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(3));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(r => (JudgeRuns.JudgedSample(r), JudgeRequests.IsFollowUp(r)) switch
        {
            ("s3", false) => FakeReply.Answer("Let me think."),
            ("s2", _) => FakeReply.Answer("GRADE: I"),
            _ => FakeReply.Answer("GRADE: C"),
        });
        string[] arguments = ["--judge", "openai/judge"];

        var first = await JudgeRuns.RunAsync(dir, suite, model, judge, arguments, output: "first");
        var judgeRequests = judge.Requests.Count;
        var second = await JudgeRuns.RunAsync(dir, suite, model, judge, arguments, output: "second");

        Assert.That((first.Cli.ExitCode, second.Cli.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), first.Cli.All + second.Cli.All);
        Assert.That(judgeRequests, Is.EqualTo(4), "three questions and one follow-up");
        Assert.That(judge.Requests, Has.Count.EqualTo(judgeRequests), "the second run asked the judge nothing");
        foreach (var id in new[] { "s1", "s2", "s3" })
        {
            Assert.That(second.Score(id, "req").Value, Is.EqualTo(first.Score(id, "req").Value), id);
            Assert.That(second.Calls(id, "req").Select(c => c!["cached"]?.GetValue<bool>()), Has.All.True, id);
            Assert.That(first.Calls(id, "req").Select(c => c!["cached"]), Has.All.Null, id);
        }

        var third = await JudgeRuns.RunAsync(dir, suite, model, judge, [.. arguments, "--no-cache"], output: "third");

        Assert.That(third.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), third.Cli.All);
        Assert.That(judge.Requests, Has.Count.EqualTo(2 * judgeRequests), "--no-cache asks the judge again, follow-up included");
        Assert.That(new[] { "s1", "s2", "s3" }.Select(id => third.Score(id, "req").Value), Is.EqualTo(new double?[] { 1, 0, 1 }));
    }
}
