using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>
/// The judge's key (--judge-api-key-env) is sent to the judge only and written nowhere, even by a judge that
/// echoes its Authorization header in verdicts and errors; a judge spec or endpoint holding it is refused.
/// </summary>
[TestFixture]
public sealed class JudgeSecretsEndToEndTests
{
    private const string JudgeKey = "sk-judge-ECHOSECRET-7f3a9c1e5b2d";

    private static readonly string[] Fragments = [JudgeKey, "ECHOSECRET", "7f3a9c1e5b2d"];

    private static readonly Dictionary<string, string> Variables = new() { ["JUDGE_KEY"] = JudgeKey };

    [Test]
    public async Task A_judge_that_echoes_its_key_in_verdicts_and_errors_gets_it_into_no_file_and_no_console_line()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(3));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(r => (JudgeRuns.JudgedSample(r), JudgeRequests.IsFollowUp(r)) switch
        {
            ("s1", _) => FakeReply.Answer($"You sent Authorization: {r.Authorization}\nGRADE: C"),
            ("s2", _) => FakeReply.Error(400, $"invalid request for 'Authorization: {r.Authorization}'"),
            (_, false) => FakeReply.Answer($"Unsure; my key is {r.Authorization}"),
            _ => FakeReply.Answer("GRADE: I"),
        });

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge", "--judge-api-key-env", "JUDGE_KEY"], variables: Variables);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(judge.Requests.Select(r => r.Authorization), Has.All.EqualTo("Bearer " + JudgeKey), "the judge got its own key, so the echoes carried it");
        Assert.That(model.Requests.Select(r => r.Authorization), Has.All.EqualTo("Bearer " + JudgeRuns.ModelKey), "the model got its key, not the judge's");
        Assert.That(Directory.GetFiles(dir.Combine("cache")), Is.Not.Empty, "the cache was written, and is searched below");
        foreach (var fragment in Fragments)
        {
            Assert.That(run.Cli.All, Does.Not.Contain(fragment), "console");
            foreach (var file in Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories))
            {
                Assert.That(File.ReadAllText(file), Does.Not.Contain(fragment), file);
            }
        }

        Assert.That(run.Calls("s1", "req")[0]!["raw"]!.GetValue<string>(), Does.Contain("[REDACTED]").And.EndWith("GRADE: C"), "the verdict was kept, the key masked");
        Assert.That(run.Score("s1", "req").Value, Is.EqualTo(1));
        Assert.That(run.Score("s2", "req").Error, Does.Contain("400").And.Contain("[REDACTED]"));
        Assert.That(run.Score("s3", "req").Value, Is.EqualTo(0), "asked again after a reply holding only the key");
    }

    [TestCase("--judge", "openai/" + JudgeKey, TestName = "{m}(the key as the judge model)")]
    [TestCase("--judge-base-url", "http://127.0.0.1:9/" + JudgeKey + "/v1", TestName = "{m}(the key in the judge's base URL)")]
    public async Task A_judge_spec_holding_the_judge_key_is_refused_before_anything_is_written(string option, string value)
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(2));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        string[] arguments = option == "--judge"
            ? ["--judge", value, "--judge-api-key-env", "JUDGE_KEY"]
            : ["--judge", "openai/judge", option, value, "--judge-api-key-env", "JUDGE_KEY"];

        var run = await JudgeRuns.RunAsync(dir, suite, model, null, arguments, variables: Variables);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.Cli.All);
        Assert.That(run.Cli.Error, Does.Contain(option).And.Contain("contains the API key from JUDGE_KEY"));
        foreach (var fragment in Fragments)
        {
            Assert.That(run.Cli.All, Does.Not.Contain(fragment));
        }

        Assert.That(Directory.Exists(run.Output), Is.False, "no run directory");
        Assert.That(Directory.Exists(dir.Combine("cache")), Is.False, "no cache");
        Assert.That(model.Requests, Is.Empty, "the model was not asked either");
    }
}
