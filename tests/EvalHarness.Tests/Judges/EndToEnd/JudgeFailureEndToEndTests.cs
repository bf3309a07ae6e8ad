using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>
/// A judge that is slow, fails or is rate limited costs the samples their verdicts, never the model's answers:
/// it is retried like any endpoint, then each sample records a judge error and the run goes on.
/// </summary>
[TestFixture]
public sealed class JudgeFailureEndToEndTests
{
    [Test]
    public async Task A_judge_slower_than_the_timeout_is_retried_then_each_sample_records_a_judge_error()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(2));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Hang());

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge", "--timeout", "0.3", "--max-retries", "1"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(judge.Requests, Has.Count.EqualTo(4), "each sample's question was tried twice");
        foreach (var id in new[] { "s1", "s2" })
        {
            var score = run.Score(id, "req");
            Assert.That((score.Value, score.JudgeError), Is.EqualTo(((double?)null, (bool?)true)), id);
            Assert.That(score.Error, Does.Contain("the judge openai/judge failed").And.Contain("timeout").And.Contain("gave up after 2 attempts"));
            Assert.That(run.Sample(id).Output, Is.EqualTo("answer about " + id));
            Assert.That(run.Sample(id).IsError, Is.False);
        }

        Assert.That(run.Metric("req", "accuracy").JudgeErrors, Is.EqualTo(2));
        Assert.That(run.Metric("req", "accuracy").N, Is.Zero);
    }

    [TestCase(500, TestName = "{m}(HTTP 500)")]
    [TestCase(429, TestName = "{m}(HTTP 429 with Retry-After)")]
    [TestCase(0, TestName = "{m}(connection reset)")]
    public async Task A_failing_judge_leaves_the_answers_and_records_judge_errors(int status)
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(3));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);

        // Short Retry-After pauses keep the test quick; they are also honoured for a 500.
        await using var judge = await FakeOpenAiServer.StartAsync(_ => status switch
        {
            0 => FakeReply.Reset(),
            429 => FakeReply.RateLimited(0.05),
            _ => FakeReply.Error(status, "the judge is down", ("Retry-After", "0.05")),
        });

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge", "--max-retries", "1"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(judge.Requests, Has.Count.EqualTo(6), "every judge question was retried once");
        Assert.That(model.Requests, Has.Count.EqualTo(3), "the model was asked once per sample: a judge's failure is not retried on it");
        Assert.That(run.Log.Samples.Select(s => (s.Output, s.IsError)), Is.EquivalentTo(new[] { ("answer about s1", false), ("answer about s2", false), ("answer about s3", false) }));
        Assert.That(run.Log.Samples.Select(s => s.Scores!["req"].JudgeError), Has.All.True);
        Assert.That(run.Log.Samples.Select(s => s.Scores!["req"].Error), Has.All.StartWith("judge error: the judge openai/judge failed"));
        if (status != 0)
        {
            Assert.That(run.Log.Samples.Select(s => s.Scores!["req"].Error), Has.All.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.That(run.Results.Counts.Errored, Is.Zero, "no sample errored");
        Assert.That(run.MetricJson("req", "accuracy")["judge_errors"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(run.Log.Limits.Where(l => l.Role is null).Select(l => l.Reason), Is.EqualTo(new[] { "start (adaptive)" }), "the judge's trouble never moved the model's limit");
        if (status == 429)
        {
            var judgeLimits = run.Log.Limits.Where(l => l.Role == "judge").ToList();
            Assert.That(judgeLimits[0].Reason, Is.EqualTo("start (adaptive)"));
            Assert.That(judgeLimits.Skip(1).Select(l => l.Reason), Has.Some.StartWith("rate limited (HTTP 429"), "the judge's own limit backed off, logged with its role");
        }
    }
}
