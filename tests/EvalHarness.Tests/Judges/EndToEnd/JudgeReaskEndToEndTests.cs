using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>
/// A judge whose reply holds no readable verdict is asked again with its reply and a follow-up; a reply that
/// stays unreadable is a judge error: no value, neither pass nor fail, counted apart in results.json.
/// </summary>
[TestFixture]
public sealed class JudgeReaskEndToEndTests
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    private const string Data = """
        {"id": "s1", "input": "question about s1", "requirement": "mention s1"}
        {"id": "s2", "input": "question about s2", "requirement": "mention s2"}
        {"id": "s3", "input": "question about s3", "requirement": "mention s3"}
        {"id": "s4", "input": "s4 についての質問", "requirement": "s4 に触れること", "language": "ja"}

        """;

    private static FakeReply Judge(FakeRequest request) => (JudgeRuns.JudgedSample(request), JudgeRequests.IsFollowUp(request)) switch
    {
        ("s1", false) => FakeReply.Answer("I believe the answer is fine."),
        ("s1", true) => FakeReply.Answer("GRADE: C"),
        ("s2", _) => FakeReply.Answer(Markup + " Looks fine to me."),
        ("s3", _) => FakeReply.Answer("GRADE: I"),
        (_, false) => FakeReply.Answer("よく分かりません。"),
        (_, true) => FakeReply.Answer("判定：I"),
    };

    [Test]
    public async Task An_unreadable_reply_is_asked_again_with_that_reply_and_a_follow_up_and_the_readable_second_reply_counts()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, Data);
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(Judge);

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        var asked = judge.Requests.Where(r => JudgeRuns.JudgedSample(r) == "s1").ToList();
        Assert.That(asked, Has.Count.EqualTo(2));
        var first = JudgeRequests.Conversation(asked.Single(r => !JudgeRequests.IsFollowUp(r)));
        var second = JudgeRequests.Conversation(asked.Single(JudgeRequests.IsFollowUp));
        Assert.That(second.Take(first.Count), Is.EqualTo(first), "the follow-up repeats the question");
        Assert.That(second.Skip(first.Count).Select(m => m.Role), Is.EqualTo(new[] { "assistant", "user" }));
        Assert.That(second[first.Count].Content, Is.EqualTo("I believe the answer is fine."), "with the judge's own reply");
        Assert.That(second[^1].Content, Does.Contain("GRADE: C or I"), "and says how to write the verdict");

        var score = run.Score("s1", "req");
        Assert.That((score.Value, score.Answer, score.JudgeError), Is.EqualTo(((double?)1, "C", (bool?)null)));
        var calls = run.Calls("s1", "req");
        Assert.That(calls.Select(c => c!["attempt"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(calls[0]!["error"]!.GetValue<string>(), Does.Contain("no verdict"));
        Assert.That(calls[1]!["verdict"]!.GetValue<string>(), Is.EqualTo("C"));
        Assert.That(calls[1]!["messages"]!.AsArray(), Has.Count.EqualTo(second.Count), "the follow-up's messages are kept as sent");

        var japanese = judge.Requests.Where(r => JudgeRuns.JudgedSample(r) == "s4").Single(JudgeRequests.IsFollowUp);
        Assert.That(JudgeRequests.Conversation(japanese)[^1].Content, Does.Contain("判定：C または I"), "a Japanese rubric asks again in Japanese");
        Assert.That(run.Score("s4", "req").Value, Is.EqualTo(0));
    }

    [Test]
    public async Task A_reply_unreadable_after_the_retries_is_a_judge_error_counted_apart_from_passes_and_fails()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, Data);
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(Judge);

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(judge.Requests.Count(r => JudgeRuns.JudgedSample(r) == "s2"), Is.EqualTo(3), "asked, then asked again twice (retries: 2 by default)");
        var score = run.Score("s2", "req");
        Assert.That(score.Value, Is.Null);
        Assert.That(score.JudgeError, Is.True);
        Assert.That(score.Error, Is.EqualTo($"judge error: no verdict (C or I) found in the judge's answer: \"{Markup} Looks fine to me.\""), "says why, quoting the reply");
        Assert.That(run.Calls("s2", "req"), Has.Count.EqualTo(3));
        Assert.That(run.Sample("s2").Output, Is.EqualTo("answer about s2"), "the model's answer is kept");
        Assert.That(run.Sample("s2").IsError, Is.False, "a judge error is not the model's error");

        var accuracy = run.MetricJson("req", "accuracy");
        Assert.That(accuracy["value"]!.GetValue<double>(), Is.EqualTo(1 / 3.0), "s1 passes, s3 and s4 fail; s2 is neither");
        Assert.That((accuracy["n"]!.GetValue<int>(), accuracy["unscored"]!.GetValue<int>(), accuracy["judge_errors"]!.GetValue<int>()), Is.EqualTo((3, 1, 1)));
        Assert.That(run.Results.Counts.Errored, Is.Zero);

        Assert.That(run.Report, Does.Not.Contain(Markup), "the judge's text is escaped in the report");
        Assert.That(File.ReadAllText(Path.Combine(run.Output, "samples.csv")), Does.Contain("judge error: "));
    }

    [Test]
    public async Task With_retries_0_an_unreadable_reply_is_a_judge_error_at_once()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, "  - {id: req, name: judge, options: {rubric: requirement, retries: 0}}", Data);
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(Judge);

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(judge.Requests.Where(JudgeRequests.IsFollowUp), Is.Empty);
        Assert.That(run.Log.Samples.Count(s => s.Scores!["req"].JudgeError == true), Is.EqualTo(3), "s1, s2 and s4 gave no verdict the first time");
        Assert.That(run.Metric("req", "accuracy").JudgeErrors, Is.EqualTo(3));
    }
}
