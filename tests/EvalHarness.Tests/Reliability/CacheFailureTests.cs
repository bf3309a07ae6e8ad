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

    [TestCase("permission bits")]
    [TestCase("immutable")]
    public async Task A_cache_file_that_cannot_be_written_serves_its_answers_stores_nothing_and_says_so_once(string how)
    {
        using var dir = new TempDirectory();
        var cacheDir = dir.Combine("cache");
        var file = Path.Combine(cacheDir, CacheLocation.FileName);
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));
        var filled = await RunCachedAsync(server, dir, cacheDir, 4, "first");
        Assert.That(filled.ExitCode, Is.EqualTo(ExitCodes.Ok), filled.All);
        if (how == "permission bits")
        {
            // Root may still write such a file, so the owner's "read-only" has to be asked of the bits.
            MakeReadOnly(file);
        }
        else if (!Chattr("+i", file))
        {
            Assert.Ignore("this file system or user cannot make a file immutable (chattr +i), so a file whose permission bits allow writing but which the system refuses to write cannot be staged here");
        }

        try
        {
            var before = File.ReadAllBytes(file);
            var requests = server.Requests.Count;

            var run = await RunCachedAsync(server, dir, cacheDir, 6, "second");

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
            Assert.That(server.Requests.Count - requests, Is.EqualTo(2), "only the two answers the cache lacks were asked for");
            var log = EvalHarness.Logs.RunLogReader.Read(dir.Combine("second", "log.jsonl"));
            Assert.That(log.Samples.Where(s => s.Cached).Select(s => s.Id), Is.EquivalentTo(new[] { "q0001", "q0002", "q0003", "q0004" }));
            var notices = run.Error.Split('\n').Where(l => l.Contains("response cache", StringComparison.Ordinal)).ToList();
            Assert.That(notices, Has.Count.EqualTo(1), run.All);
            Assert.That(notices[0], Does.Contain(file).And.Contain("is read-only").And.Contain("not stored").And.Not.Contain("cannot be used"));
            Assert.That(File.ReadAllBytes(file), Is.EqualTo(before), "nothing was written to the file, not even its journal mode");
            using var cache = SqliteResponseCache.Open(cacheDir);
            Assert.That((cache.ReadOnly, cache.Statistics().Entries), Is.EqualTo((true, 4L)));
        }
        finally
        {
            if (how == "immutable")
            {
                Chattr("-i", file);
            }
        }
    }

    private static void MakeReadOnly(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(file, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    private static async Task<CliRun> RunCachedAsync(FakeOpenAiServer server, TempDirectory dir, string cacheDir, int samples, string output) =>
        await CliRun.InvokeAsync(
            ["run", SuiteFiles.Arithmetic(dir, samples), "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine(output), "--cache-dir", cacheDir],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key });

    private static bool Chattr(string change, string file)
    {
        try
        {
            using var chattr = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("chattr", [change, file]) { RedirectStandardError = true })!;
            chattr.WaitForExit();
            return chattr.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
