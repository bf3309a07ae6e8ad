using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.Calibration;

/// <summary>
/// judge-check calls its judges as a run does: panels vote, the response cache answers a repeated check, keys
/// are written nowhere, and what judges and labelled files say is escaped in the Markdown report.
/// </summary>
[TestFixture]
public sealed class JudgeCheckJudgeTests
{
    [Test]
    public async Task A_panel_voting_by_majority_is_compared_and_a_split_mean_is_no_verdict()
    {
        using var dir = new TempDirectory();
        var file = LabelledSets.Write(dir, "labelled.jsonl",
        [
            LabelledSets.Item("p1", "requirement", "en", "p1 answer", "C", requirement: "r"),
            LabelledSets.Item("p2", "requirement", "en", "p2 answer", "I", requirement: "r"),
        ]);

        // Judges a and b agree on p1 (C); on p2, a says C and b says I.
        await using var judge = await FakeOpenAiServer.StartAsync(r =>
            FakeReply.Answer("GRADE: " + (JudgeRequests.Answer(r) == "p1 answer" || r.Model == "judge-a" ? "C" : "I")));
        string[] panel = ["--judge", "openai/judge-a", "--judge", "openai/judge-b", "--judge", "openai/judge-b", "--no-cache", file];

        var majority = await JudgeCheckRun.RunWithAsync(dir, judge, panel);
        var mean = await JudgeCheckRun.RunWithAsync(dir, judge, [.. panel, "--judge-vote", "mean"]);

        Assert.That(majority.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), majority.Cli.All);
        Assert.That(majority.Json["items"]!.AsArray().Select(i => i!["judge"]!.GetValue<string>()), Is.EqualTo(new[] { "C", "I" }), "b's two votes win p2");
        Assert.That(majority.Json["judges"]!["models"]!.AsArray().Select(m => m!["spec"]!.GetValue<string>()), Is.EqualTo(new[] { "openai/judge-a", "openai/judge-b", "openai/judge-b" }));
        Assert.That(mean.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), mean.Cli.All);
        var split = mean.Json["items"]!.AsArray()[1]!;
        Assert.That(split["judge"], Is.Null);
        Assert.That(split["judge_error"]!.GetValue<string>(), Does.Contain("is not one of the rubric's verdicts (C or I); vote by majority or all"));
        Assert.That(mean.Json["overall"]!["judge_errors"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_repeated_check_is_answered_from_the_response_cache()
    {
        using var dir = new TempDirectory();
        var file = LabelledSets.Write(dir, "labelled.jsonl", [LabelledSets.Item("c1", "requirement", "ja", "c1 answer", "C", requirement: "r")]);
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("判定：C"));
        string[] args = ["--judge", "openai/judge-model", "--seed", "3", file];

        var first = await JudgeCheckRun.RunWithAsync(dir, judge, args);
        var second = await JudgeCheckRun.RunWithAsync(dir, judge, args);

        Assert.That((first.Cli.ExitCode, second.Cli.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), first.Cli.All + second.Cli.All);
        Assert.That(judge.Requests, Has.Count.EqualTo(1), "the second check sent the judge nothing");
        Assert.That(judge.Requests.Single().Body["seed"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(judge.Requests.Single().Body["temperature"]!.GetValue<double>(), Is.Zero);
        Assert.That(second.Calls.Single()["judge_calls"]!["calls"]![0]!["cached"]!.GetValue<bool>(), Is.True);
        Assert.That(second.Json["items"]![0]!["judge"]!.GetValue<string>(), Is.EqualTo("C"));
    }

    [Test]
    public async Task The_judge_key_is_written_nowhere_even_when_the_judge_echoes_it()
    {
        using var dir = new TempDirectory();
        var file = LabelledSets.Write(dir, "labelled.jsonl",
        [
            LabelledSets.Item("k1", "requirement", "en", "k1 answer", "C", requirement: "r"),
            LabelledSets.Item("k2", "requirement", "en", "k2 answer", "I", requirement: "r"),
        ]);
        await using var judge = await FakeOpenAiServer.StartAsync(r => JudgeRequests.Answer(r) == "k1 answer"
            ? FakeReply.Answer($"You sent {r.Authorization}\nGRADE: C")
            : FakeReply.Error(400, $"bad request with {r.Authorization}"));

        var run = await JudgeCheckRun.RunAsync(dir, judge, file);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(judge.Requests.Select(r => r.Authorization), Has.All.EqualTo("Bearer " + JudgeCheckRun.JudgeKey), "the judge got the key, so its echoes carried it");
        Assert.That(run.Cli.All, Does.Not.Contain(JudgeCheckRun.JudgeKey));
        foreach (var written in Directory.GetFiles(run.Output))
        {
            Assert.That(File.ReadAllText(written), Does.Not.Contain(JudgeCheckRun.JudgeKey).And.Not.Contain("7f3a9c1e5b2d"), written);
        }

        Assert.That(run.Json["items"]!.AsArray().Select(i => i!["judge"]?.GetValue<string>()), Is.EqualTo(new[] { "C", null }));
    }

    [Test]
    public async Task Ids_labels_and_judge_text_are_escaped_in_the_markdown_report()
    {
        using var dir = new TempDirectory();
        var file = LabelledSets.Write(dir, "labelled.jsonl",
        [
            LabelledSets.Item("m|1 <b>x</b>", "requirement", "en", "m1 answer", "C", requirement: "r"),
            LabelledSets.Item("m2 [link](http://example.com)", "requirement", "en", "m2 answer", "I", requirement: "r"),
        ]);
        await using var judge = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(JudgeRequests.Answer(r) == "m1 answer"
            ? "GRADE: I"
            : "<script>alert(1)</script> | ![x](http://example.com/x.png) no verdict"));

        var run = await JudgeCheckRun.RunAsync(dir, judge, file);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        var markdown = run.Markdown;
        Assert.That(markdown, Does.Contain(@"| m\|1 &lt;b&gt;x&lt;/b&gt; | requirement | en |  | C | I |"), "the disagreement's row keeps its columns");
        Assert.That(markdown, Does.Contain(@"m2 \[link\](http://example.com)"));
        Assert.That(markdown, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt; \\| \\!\\[x\\]"));
        Assert.That(markdown, Does.Not.Contain("<script>").And.Not.Contain("<b>"));
    }
}
