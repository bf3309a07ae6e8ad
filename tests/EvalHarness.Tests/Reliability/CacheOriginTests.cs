using EvalHarness.Caching;
using EvalHarness.Providers.Caching;
using EvalHarness.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EvalHarness.Tests.Reliability;

/// <summary>
/// A cached answer names the run that first asked the model for it, so a later run's log (and an evidence pack)
/// can say where it came from; cache files written before that column existed keep working.
/// </summary>
[TestFixture]
public sealed class CacheOriginTests
{
    private const string OldSchema = """
        CREATE TABLE responses (key TEXT PRIMARY KEY, target TEXT NOT NULL, created INTEGER NOT NULL, text TEXT NOT NULL,
            finish_reason TEXT, model TEXT, input_tokens INTEGER, output_tokens INTEGER, total_tokens INTEGER);
        INSERT INTO responses VALUES ('old-key', 'openai/m', 1700000000000, 'old answer', 'stop', 'm', NULL, NULL, NULL);
        """;

    private static void WriteOldCache(string directory)
    {
        Directory.CreateDirectory(directory);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, CacheLocation.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = OldSchema;
        command.ExecuteNonQuery();
    }

    [Test]
    public void An_answer_keeps_the_run_that_stored_it()
    {
        using var dir = new TempDirectory();
        using (var cache = SqliteResponseCache.Open(dir.Path))
        {
            cache.Put("k", "openai/m", new CachedResponse("answer", "stop", null, "m", DateTimeOffset.UnixEpoch.AddDays(20000)) { RunId = "20261207T000000Z-abc123" });
        }

        using var again = SqliteResponseCache.Open(dir.Path);
        Assert.That(again.Find("k", DateTimeOffset.UnixEpoch)!.RunId, Is.EqualTo("20261207T000000Z-abc123"));
    }

    [Test]
    public void A_cache_written_before_runs_were_recorded_gains_the_column_and_keeps_its_answers()
    {
        using var dir = new TempDirectory();
        WriteOldCache(dir.Path);

        using var cache = SqliteResponseCache.Open(dir.Path);
        var old = cache.Find("old-key", DateTimeOffset.UnixEpoch);
        cache.Put("new-key", "openai/m", new CachedResponse("new answer", "stop", null, "m", DateTimeOffset.UnixEpoch.AddDays(20000)) { RunId = "run-2" });

        Assert.That((old!.Text, old.RunId), Is.EqualTo(("old answer", (string?)null)), "an old answer names no run");
        Assert.That(cache.Find("new-key", DateTimeOffset.UnixEpoch)!.RunId, Is.EqualTo("run-2"));
    }

    [Test]
    public void A_read_only_cache_of_the_old_schema_still_serves_its_answers()
    {
        using var dir = new TempDirectory();
        WriteOldCache(dir.Path);
        var file = Path.Combine(dir.Path, CacheLocation.FileName);
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(file, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        using var cache = SqliteResponseCache.Open(dir.Path);

        Assert.That(cache.ReadOnly, Is.True);
        Assert.That(cache.Find("old-key", DateTimeOffset.UnixEpoch)!.Text, Is.EqualTo("old answer"));
    }
}
