using EvalHarness.Cli;
using EvalHarness.Providers.Caching;
using EvalHarness.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EvalHarness.Tests.Reliability;

/// <summary>The cache only saves requests: a cache that cannot be used costs the cache, never the run.</summary>
[TestFixture]
public sealed class CacheFailureTests
{
    private static readonly string[] Warning = ["warning: response cache", "cannot be used", "--no-cache", "--cache-dir"];

    private static async Task<(CliRun Run, FakeOpenAiServer Server)> RunWithCacheDirAsync(TempDirectory dir, string cacheDir, int samples = 4)
    {
        var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));
        var suite = SuiteFiles.Arithmetic(dir, samples);
        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("run"), "--cache-dir", cacheDir],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key });
        return (run, server);
    }

    private static void AssertOneWarningNaming(CliRun run, string file)
    {
        var lines = run.Error.Split('\n').Where(l => l.Contains("response cache", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), run.All);
        Assert.That(lines[0], Does.Contain(file));
        foreach (var part in Warning)
        {
            Assert.That(lines[0], Does.Contain(part));
        }

        Assert.That(run.All, Does.Not.Contain("   at "), "no stack trace");
    }

    private static void AssertCompleted(CliRun run, FakeOpenAiServer server, TempDirectory dir, int samples = 4)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(server.Requests, Has.Count.EqualTo(samples), "every sample went to the endpoint");
        var log = EvalHarness.Logs.RunLogReader.Read(dir.Combine("run", "log.jsonl"));
        Assert.That(log.Samples.Count(s => !s.IsError && !s.Cached), Is.EqualTo(samples));
        Assert.That(File.Exists(dir.Combine("run", "results.json")), Is.True);
    }

    private static SqliteConnection HoldExclusiveLock(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO responses (key, target, created, text) VALUES ('lock', 'x', 0, 'x');";
        command.ExecuteNonQuery();
        return connection;
    }

    [Test]
    public async Task A_file_that_is_not_a_database_is_left_alone_and_the_run_goes_on_without_the_cache()
    {
        using var dir = new TempDirectory();
        var file = dir.File(Path.Combine("cache", CacheLocation.FileName), "these are somebody's notes, not a SQLite database\n");

        var (run, server) = await RunWithCacheDirAsync(dir, dir.Combine("cache"));
        await using (server)
        {
            AssertCompleted(run, server, dir);
            AssertOneWarningNaming(run, file);
        }

        Assert.That(File.ReadAllText(file), Is.EqualTo("these are somebody's notes, not a SQLite database\n"));
    }

    [Test]
    public async Task A_cache_directory_that_cannot_be_created_costs_only_the_cache()
    {
        using var dir = new TempDirectory();
        dir.File("occupied", "a file where the cache directory would go");
        var cacheDir = dir.Combine("occupied", "cache");

        var (run, server) = await RunWithCacheDirAsync(dir, cacheDir);
        await using (server)
        {
            AssertCompleted(run, server, dir);
            AssertOneWarningNaming(run, Path.Combine(cacheDir, CacheLocation.FileName));
        }
    }

    [Test]
    public async Task A_database_locked_by_another_process_costs_only_the_cache()
    {
        using var dir = new TempDirectory();
        SqliteResponseCache.Open(dir.Combine("cache")).Dispose();
        var file = dir.Combine("cache", CacheLocation.FileName);
        using var holder = HoldExclusiveLock(file);

        var (run, server) = await RunWithCacheDirAsync(dir, dir.Combine("cache"));
        await using (server)
        {
            AssertCompleted(run, server, dir);
            AssertOneWarningNaming(run, file);
            Assert.That(run.Error, Does.Contain("locked"));
        }
    }

    private static SqliteConnection HoldWriteLock(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; INSERT INTO responses (key, target, created, text) VALUES ('lock', 'x', 0, 'x');";
        command.ExecuteNonQuery();
        return connection;
    }

    [Test]
    public async Task A_cache_that_becomes_locked_mid_run_costs_only_the_cache_and_warns_once()
    {
        using var dir = new TempDirectory();
        var cacheDir = dir.Combine("cache");
        var file = Path.Combine(cacheDir, CacheLocation.FileName);
        const int samples = 6;
        var served = 0;
        SqliteConnection? holder = null;
        var suite = SuiteFiles.Arithmetic(dir, samples);
        CliRun run;
        await using (var server = await FakeOpenAiServer.StartAsync(r =>
        {
            // From the third answer on, another process holds the cache's write lock for good.
            if (Interlocked.Increment(ref served) == 3)
            {
                holder = HoldWriteLock(file);
            }

            return FakeReply.Answer(Runs.Correct(r));
        }))
        {
            run = await CliRun.InvokeAsync(
                ["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("run"), "--cache-dir", cacheDir, "--max-connections", "1"],
                new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key });
            AssertCompleted(run, server, dir, samples);
        }

        Assert.That(holder, Is.Not.Null, "the lock was taken during the run");
        holder!.Dispose();
        AssertOneWarningNaming(run, file);
        Assert.That(run.Error, Does.Contain("locked"));
        var log = EvalHarness.Logs.RunLogReader.Read(dir.Combine("run", "log.jsonl"));
        Assert.That(log.Samples, Has.Count.EqualTo(samples));
        Assert.That(log.Footer?.Status, Is.EqualTo(EvalHarness.Logs.RunStatus.Completed));
        using var cache = SqliteResponseCache.Open(cacheDir);
        Assert.That(cache.Statistics().Entries, Is.EqualTo(2), "the answers stored before the lock are kept; the rest of the run left the cache alone");
    }

    [Test]
    public async Task A_cache_file_damaged_mid_run_costs_only_the_cache_and_warns_once()
    {
        using var dir = new TempDirectory();
        var cacheDir = dir.Combine("cache");
        var file = Path.Combine(cacheDir, CacheLocation.FileName);
        const int samples = 6;
        var served = 0;
        var suite = SuiteFiles.Arithmetic(dir, samples);
        CliRun run;
        await using (var server = await FakeOpenAiServer.StartAsync(r =>
        {
            // Before the third answer, something overwrites the start of the cache's files.
            if (Interlocked.Increment(ref served) == 3)
            {
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
                {
                    using var stream = new FileStream(f, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                    stream.Write(Enumerable.Repeat((byte)'x', (int)Math.Min(stream.Length, 65536)).ToArray());
                }
            }

            return FakeReply.Answer(Runs.Correct(r));
        }))
        {
            run = await CliRun.InvokeAsync(
                ["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("run"), "--cache-dir", cacheDir, "--max-connections", "1"],
                new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key });
            AssertCompleted(run, server, dir, samples);
        }

        AssertOneWarningNaming(run, file);
        Assert.That(run.Error, Does.Contain("not a database"));
    }

    [TestCase("stats")]
    [TestCase("clear")]
    public async Task The_cache_command_on_a_damaged_file_says_so_and_exits_2(string subcommand)
    {
        using var dir = new TempDirectory();
        var file = dir.File(Path.Combine("cache", CacheLocation.FileName), new string('x', 4096));

        var run = await CliRun.InvokeAsync(["cache", subcommand, "--cache-dir", dir.Combine("cache")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain(file + ": error: is not a usable response cache").And.Contain("not a database").And.Contain("--cache-dir"));
        Assert.That(run.All, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        Assert.That(File.ReadAllText(file), Is.EqualTo(new string('x', 4096)), "the file is not touched");
    }
}
