using EvalHarness.Cli;
using EvalHarness.Cli.Commands;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary><c>--shard auto</c>: the shard from the variables of GitLab, Kubernetes or a CI matrix, or one clear error.</summary>
[TestFixture]
public sealed class ShardAutoTests
{
    private static ShardChoice Resolve(string text, params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        Assert.That(AutoShard.TryResolve(text, n => map.GetValueOrDefault(n), out var shard, out var error), Is.True);
        Assert.That(error, Is.Null);
        return shard!;
    }

    private static async Task<CliRun> RunInto(TempDirectory dir, string shard, Dictionary<string, string> variables, string output = "out") =>
        await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--shard", shard, "--out", dir.Combine(output)], variables, reportsRoot: dir.Combine("reports"));

    [Test]
    public void Each_provider_gives_a_one_based_shard_like_shard_i_of_n()
    {
        // A matrix sets EVALH_* 1-based, as in --shard i/n.
        Assert.That(Resolve("auto", ("EVALH_SHARD_INDEX", "3"), ("EVALH_SHARD_COUNT", "4")), Is.EqualTo(new ShardChoice(new ShardSpec(3, 4), "EVALH_SHARD_INDEX=3, EVALH_SHARD_COUNT=4")));
        Assert.That(Resolve("auto/4", ("EVALH_SHARD_INDEX", "4")).Spec, Is.EqualTo(new ShardSpec(4, 4)));

        // GitLab numbers its parallel jobs from 1.
        Assert.That(Resolve("auto", ("CI_NODE_INDEX", "1"), ("CI_NODE_TOTAL", "8")), Is.EqualTo(new ShardChoice(new ShardSpec(1, 8), "CI_NODE_INDEX=1, CI_NODE_TOTAL=8")));
        Assert.That(Resolve("auto/8", ("CI_NODE_INDEX", "8"), ("CI_NODE_TOTAL", "8")).Spec, Is.EqualTo(new ShardSpec(8, 8)), "an agreeing count is fine");

        // Kubernetes numbers completions from 0, and the count comes from the flag or EVALH_SHARD_COUNT.
        Assert.That(Resolve("auto/5", ("JOB_COMPLETION_INDEX", "0")), Is.EqualTo(new ShardChoice(new ShardSpec(1, 5), "JOB_COMPLETION_INDEX=0, --shard auto/5")));
        Assert.That(Resolve("auto/5", ("JOB_COMPLETION_INDEX", "4")).Spec, Is.EqualTo(new ShardSpec(5, 5)));
        Assert.That(Resolve("auto", ("JOB_COMPLETION_INDEX", "2"), ("EVALH_SHARD_COUNT", "3")).Spec, Is.EqualTo(new ShardSpec(3, 3)));

        Assert.That(Resolve("auto", ("CI_NODE_INDEX", ""), ("CI_NODE_TOTAL", ""), ("JOB_COMPLETION_INDEX", "1"), ("EVALH_SHARD_COUNT", "2")).Spec,
            Is.EqualTo(new ShardSpec(2, 2)), "an empty variable counts as unset (a matrix that leaves one blank)");
        Assert.That(AutoShard.TryResolve("2/8", _ => "1", out _, out _), Is.False, "i/n is not auto");
        Assert.That(AutoShard.TryResolve("automatic", _ => "1", out _, out _), Is.False);
    }

    [Test]
    public void Explicit_variables_win_over_GitLab_which_wins_over_Kubernetes()
    {
        (string, string)[] gitLab = [("CI_NODE_INDEX", "2"), ("CI_NODE_TOTAL", "3")];
        (string, string)[] kubernetes = [("JOB_COMPLETION_INDEX", "0")];

        Assert.That(Resolve("auto/3", [("EVALH_SHARD_INDEX", "3"), .. gitLab, .. kubernetes]).Spec, Is.EqualTo(new ShardSpec(3, 3)));
        Assert.That(Resolve("auto", [("EVALH_SHARD_INDEX", "1"), ("EVALH_SHARD_COUNT", "3"), .. gitLab]).Spec, Is.EqualTo(new ShardSpec(1, 3)));
        Assert.That(Resolve("auto/3", [.. gitLab, .. kubernetes]).Spec, Is.EqualTo(new ShardSpec(2, 3)));
        Assert.That(Resolve("auto/3", kubernetes).Spec, Is.EqualTo(new ShardSpec(1, 3)));
    }

    [TestCase("auto", "", "--shard auto: no shard index in the environment: set EVALH_SHARD_INDEX and EVALH_SHARD_COUNT")]
    [TestCase("auto/0", "", "--shard: 'auto/0' is not valid; expected auto/n with n a whole number at least 1")]
    [TestCase("auto/x", "CI_NODE_INDEX=1 CI_NODE_TOTAL=2", "--shard: 'auto/x' is not valid")]
    [TestCase("auto/", "CI_NODE_INDEX=1 CI_NODE_TOTAL=2", "--shard: 'auto/' is not valid")]
    [TestCase("auto", "JOB_COMPLETION_INDEX=3", "--shard auto: JOB_COMPLETION_INDEX=3 is set but Kubernetes does not tell the pod the completion count: use --shard auto/N")]
    [TestCase("auto/4", "JOB_COMPLETION_INDEX=4", "--shard auto: JOB_COMPLETION_INDEX=4 is out of range: with 4 shards it must be 0 to 3")]
    [TestCase("auto/4", "JOB_COMPLETION_INDEX=-1", "--shard auto: JOB_COMPLETION_INDEX='-1' is not a whole number")]
    [TestCase("auto", "CI_NODE_INDEX=0 CI_NODE_TOTAL=8", "--shard auto: CI_NODE_INDEX=0 is out of range: with 8 shards it must be 1 to 8")]
    [TestCase("auto", "CI_NODE_INDEX=9 CI_NODE_TOTAL=8", "--shard auto: CI_NODE_INDEX=9 is out of range: with 8 shards it must be 1 to 8")]
    [TestCase("auto", "CI_NODE_INDEX=two CI_NODE_TOTAL=8", "--shard auto: CI_NODE_INDEX='two' is not a whole number")]
    [TestCase("auto", "CI_NODE_INDEX=1 CI_NODE_TOTAL=0", "--shard auto: CI_NODE_TOTAL='0' is not a whole number at least 1")]
    [TestCase("auto", "CI_NODE_INDEX=1", "--shard auto: CI_NODE_INDEX=1 is set but CI_NODE_TOTAL is not")]
    [TestCase("auto", "CI_NODE_TOTAL=8", "--shard auto: CI_NODE_TOTAL=8 is set but CI_NODE_INDEX is not")]
    [TestCase("auto/4", "CI_NODE_INDEX=1 CI_NODE_TOTAL=8", "--shard auto: CI_NODE_TOTAL=8 contradicts --shard auto/4")]
    [TestCase("auto", "CI_NODE_INDEX=1 CI_NODE_TOTAL=8 EVALH_SHARD_COUNT=4", "--shard auto: CI_NODE_TOTAL=8 contradicts EVALH_SHARD_COUNT=4")]
    [TestCase("auto/2", "EVALH_SHARD_INDEX=1 EVALH_SHARD_COUNT=3", "--shard auto: EVALH_SHARD_COUNT=3 contradicts --shard auto/2")]
    [TestCase("auto", "EVALH_SHARD_INDEX=2", "--shard auto: EVALH_SHARD_INDEX=2 is set but the count is not: set EVALH_SHARD_COUNT or use --shard auto/N")]
    [TestCase("auto", "EVALH_SHARD_COUNT=4", "--shard auto: EVALH_SHARD_COUNT=4 is set but no shard index is: set EVALH_SHARD_INDEX as well")]
    [TestCase("auto", "EVALH_SHARD_INDEX=5 EVALH_SHARD_COUNT=4", "--shard auto: EVALH_SHARD_INDEX=5 is out of range: with 4 shards it must be 1 to 4")]
    [TestCase("auto", "EVALH_SHARD_INDEX=1 EVALH_SHARD_COUNT=1.5", "--shard auto: EVALH_SHARD_COUNT='1.5' is not a whole number at least 1")]
    [TestCase("auto", "EVALH_SHARD_INDEX=+1 EVALH_SHARD_COUNT=2 CI_NODE_INDEX=1 CI_NODE_TOTAL=2", "--shard auto: EVALH_SHARD_INDEX='+1' is not a whole number")]
    public async Task Bad_or_missing_variables_are_one_error_exit_2_and_nothing_written(string shard, string variables, string message)
    {
        using var dir = new TempDirectory();
        var env = variables.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1]);

        var run = await RunInto(dir, shard, env);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(run.Error.Split('\n').Count(l => l.Contains("--shard", StringComparison.Ordinal)), Is.EqualTo(1), "one error, not one per rule: " + run.Error);
        Assert.That(run.Out, Does.Not.Contain("writing to"));
        Assert.That(Directory.Exists(dir.Combine("out")) || Directory.Exists(dir.Combine("reports")), Is.False, "nothing written");
    }

    [Test]
    public async Task The_resolved_shard_is_in_the_header_line_and_logged_like_an_explicit_one()
    {
        using var dir = new TempDirectory();
        var auto = await RunInto(dir, "auto/4", new() { ["JOB_COMPLETION_INDEX"] = "1" }, "auto");
        var explicitRun = await RunInto(dir, "2/4", [], "explicit");

        Assert.That((auto.ExitCode, explicitRun.ExitCode), Is.EqualTo((0, 0)), auto.All + explicitRun.All);
        Assert.That(auto.Out, Does.Contain("against demo").And.Contain(" — shard 2/4 (JOB_COMPLETION_INDEX=1, --shard auto/4)\n"));
        Assert.That(explicitRun.Out, Does.Contain(" — shard 2/4\n"));
        var autoLog = RunLogReader.Read(Path.Combine(dir.Combine("auto"), "log.jsonl"));
        var explicitLog = RunLogReader.Read(Path.Combine(dir.Combine("explicit"), "log.jsonl"));
        Assert.That(autoLog.Header.Settings, Is.EqualTo(explicitLog.Header.Settings));
        Assert.That(autoLog.Header.Settings.Shard, Is.EqualTo("2/4"));
        Assert.That(autoLog.Samples.Select(s => s.Id), Is.EqualTo(explicitLog.Samples.Select(s => s.Id)));
    }

    [Test]
    public async Task Eight_GitLab_jobs_merged_equal_one_unsharded_run()
    {
        using var dir = new TempDirectory();
        var single = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", dir.Combine("single")]);
        Assert.That(single.ExitCode, Is.EqualTo(0), single.All);

        var shardDirs = new List<string>();
        for (var i = 1; i <= 8; i++)
        {
            var shard = await RunInto(dir, "auto", new() { ["CI_NODE_INDEX"] = $"{i}", ["CI_NODE_TOTAL"] = "8" }, $"shard-{i}");
            Assert.That(shard.ExitCode, Is.EqualTo(0), shard.All);
            Assert.That(shard.Out, Does.Contain($" — shard {i}/8 (CI_NODE_INDEX={i}, CI_NODE_TOTAL=8)"));
            shardDirs.Add(dir.Combine($"shard-{i}"));
        }

        var sizes = shardDirs.Select(d => RunLogReader.Read(Path.Combine(d, "log.jsonl")).Samples.Count).ToList();
        var merge = await CliRun.InvokeAsync(["merge", .. shardDirs, "--out", dir.Combine("merged")]);

        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.All);
        var reference = ResultsFile.Read(Path.Combine(dir.Combine("single"), "results.json"));
        var merged = ResultsFile.Read(Path.Combine(dir.Combine("merged"), "results.json"));
        Assert.That(sizes.Sum(), Is.EqualTo(reference.Counts.Samples), "every sample in exactly one shard");
        Assert.That(ResultsComparison.Substance(merged), Is.EqualTo(ResultsComparison.Substance(reference)), "same samples, same metric values");
    }
}
