using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

/// <summary>A merged run claims to be the whole evaluation: shards that cannot add up to one are refused by name, and nothing is written.</summary>
[TestFixture]
public sealed class MergeRefusalTests
{
    private static readonly Dictionary<string, string> Key = new() { ["OPENAI_API_KEY"] = Runs.Key };

    private static Task<string> ShardAsync(TempDirectory dir, FakeOpenAiServer server, string name, string shard, params string[] extra) =>
        ShardOfAsync(dir, server, "openai/fake", name, shard, extra);

    private static async Task<string> ShardOfAsync(TempDirectory dir, FakeOpenAiServer server, string model, string name, string shard, params string[] extra)
    {
        var suite = dir.Combine("suite", "suite.yaml");
        if (!File.Exists(suite))
        {
            SuiteFiles.Arithmetic(dir, 12);
        }

        var output = dir.Combine(name);
        var run = await CliRun.InvokeAsync(["run", suite, "--model", model, "--base-url", server.BaseUrl.ToString(), "--no-cache", "--shard", shard, "--out", output, .. extra], Key);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        return output;
    }

    private static async Task<CliRun> RefusedMergeAsync(TempDirectory dir, params string[] shards)
    {
        var output = dir.Combine("merged");
        var merge = await CliRun.InvokeAsync(["merge", .. shards, "--out", output]);
        Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.BadInput), merge.All);
        Assert.That(Directory.Exists(output), Is.False, "no output directory is left behind");
        Assert.That(merge.All, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        return merge;
    }

    private static FakeReply Answer(FakeRequest r) => FakeReply.Answer(Runs.Correct(r));

    [Test]
    public async Task Merge_refuses_shards_run_against_another_target()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var a = await ShardAsync(dir, server, "a", "1/2");
        var b = await ShardOfAsync(dir, server, "openai/other", "b", "2/2");

        var merge = await RefusedMergeAsync(dir, a, b);

        Assert.That(merge.Error, Does.Contain("was run against openai/other").And.Contain("against openai/fake"));
    }

    [Test]
    public async Task Merge_refuses_shards_run_with_other_generation_settings()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var a = await ShardAsync(dir, server, "a", "1/2");
        var b = await ShardAsync(dir, server, "b", "2/2", "--temperature", "0.5");

        var merge = await RefusedMergeAsync(dir, a, b);

        Assert.That(merge.Error, Does.Contain("was run with other generation settings"));
        Assert.That(merge.Error, Does.Contain(Path.GetFileName(b)), "the message names the shard that differs");
    }

    [Test]
    public async Task Merge_names_the_missing_shards()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var first = await ShardAsync(dir, server, "s1", "1/4");
        var third = await ShardAsync(dir, server, "s3", "3/4");

        var merge = await RefusedMergeAsync(dir, first, third);

        Assert.That(merge.Error, Does.Contain("shard 2/4 missing").And.Contain("shard 4/4 missing"));
        Assert.That(merge.Error, Does.Not.Contain("shard 1/4 missing").And.Not.Contain("shard 3/4 missing"));
    }

    [Test]
    public async Task Merge_refuses_shards_of_different_splits()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var half = await ShardAsync(dir, server, "half", "1/2");
        var third = await ShardAsync(dir, server, "third", "1/3");

        var merge = await RefusedMergeAsync(dir, half, third);

        Assert.That(merge.Error, Does.Contain("different splits").And.Contain("is shard 1/2").And.Contain("is shard 1/3"));
        Assert.That(merge.Error, Does.Not.Contain("overlap"), "the cause, not its consequences sample by sample");
    }

    [TestCase("killed")]
    [TestCase("interrupted")]
    public async Task Merge_names_an_incomplete_shard(string how)
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var a = await ShardAsync(dir, server, "a", "1/2");
        var b = await ShardAsync(dir, server, "b", "2/2");
        var log = Path.Combine(b, RunFiles.Log);
        var lines = File.ReadAllLines(log).ToList();
        var footer = lines.FindIndex(l => l.Contains("\"status\":\"completed\"", StringComparison.Ordinal));
        Assert.That(footer, Is.GreaterThan(0), "the shard's log has a completed footer to tamper with");
        if (how == "killed")
        {
            // SIGKILL leaves no footer and may take the last samples with it.
            lines.RemoveRange(footer - 1, 2);
        }
        else
        {
            lines[footer] = lines[footer].Replace("\"status\":\"completed\"", "\"status\":\"interrupted\"", StringComparison.Ordinal);
        }

        File.WriteAllLines(log, lines);

        var merge = await RefusedMergeAsync(dir, a, b);

        Assert.That(merge.Error, Does.Contain(Path.GetFileName(b)).And.Contain("is incomplete").And.Contain("--resume"));
        Assert.That(merge.Error, how == "interrupted" ? Does.Contain("status interrupted") : Does.Contain("stopped before its end"));
    }

    [Test]
    public async Task All_shards_of_one_split_complete_and_alike_merge_even_if_paced_differently()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var a = await ShardAsync(dir, server, "a", "1/2", "--max-retries", "2", "--max-connections", "2");
        var b = await ShardAsync(dir, server, "b", "2/2", "--max-retries", "2", "--max-connections", "8");

        var merge = await CliRun.InvokeAsync(["merge", b, a, "--out", dir.Combine("merged")]);

        Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.Ok), merge.All);
        Assert.That(merge.Error, Does.Not.Contain("warning"));
        var log = EvalHarness.Logs.RunLogReader.Read(Path.Combine(dir.Combine("merged"), RunFiles.Log));
        Assert.That(log.Samples, Has.Count.EqualTo(12));
        Assert.That(log.Footer?.Status, Is.EqualTo(EvalHarness.Logs.RunStatus.Completed));
        Assert.That(log.Header.Settings.MaxConnections, Is.Null, "the shards were paced differently, so no one limit is claimed");
        Assert.That(log.Header.Settings.MaxRetries, Is.EqualTo(2));
    }

    [Test]
    public async Task Merge_refuses_shards_run_with_other_retry_settings()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var a = await ShardAsync(dir, server, "a", "1/2", "--max-retries", "2");
        var b = await ShardAsync(dir, server, "b", "2/2", "--max-retries", "3");

        var merge = await RefusedMergeAsync(dir, a, b);

        Assert.That(merge.Error, Does.Contain("was run with other settings"));
    }
}
