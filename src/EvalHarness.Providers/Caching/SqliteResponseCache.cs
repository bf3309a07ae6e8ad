using EvalHarness.Caching;
using EvalHarness.Targets;
using Microsoft.Data.Sqlite;

namespace EvalHarness.Providers.Caching;

/// <summary>
/// The response cache in one SQLite file (WAL mode). One connection serves the whole process under a
/// lock: a lookup or an insert takes microseconds, far less than the requests it saves.
/// </summary>
public sealed class SqliteResponseCache : IResponseCache
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS responses (
            key TEXT PRIMARY KEY,
            target TEXT NOT NULL,
            created INTEGER NOT NULL,
            text TEXT NOT NULL,
            finish_reason TEXT,
            model TEXT,
            input_tokens INTEGER,
            output_tokens INTEGER,
            total_tokens INTEGER
        );
        CREATE INDEX IF NOT EXISTS responses_created ON responses(created);
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _put;
    private readonly Lock _lock = new();

    private SqliteResponseCache(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
        _find = Command("SELECT text, finish_reason, model, input_tokens, output_tokens, total_tokens, created FROM responses WHERE key = $key AND created >= $since");
        _put = Command("INSERT OR REPLACE INTO responses (key, target, created, text, finish_reason, model, input_tokens, output_tokens, total_tokens) VALUES ($key, $target, $created, $text, $finish, $model, $in, $out, $total)");
    }

    public string Path { get; }

    /// <summary>
    /// How long a statement waits for another process that holds the file. Writers hold it for
    /// microseconds, so a longer wait means the file is locked for good and the cache is not worth it.
    /// </summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Opens (creating if needed) the cache in <paramref name="directory"/>. Throws what
    /// <see cref="CacheFailure.Is"/> recognises when the file is not a database, locked or unwritable.
    /// </summary>
    public static SqliteResponseCache Open(string directory, TimeSpan? busyTimeout = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, CacheLocation.FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling((busyTimeout ?? DefaultBusyTimeout).TotalSeconds)),
        }.ToString());
        try
        {
            connection.Open();
            using var schema = connection.CreateCommand();
            schema.CommandText = Schema;
            schema.ExecuteNonQuery();
            return new SqliteResponseCache(path, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public CachedResponse? Find(string key, DateTimeOffset notBefore)
    {
        lock (_lock)
        {
            _find.Parameters["$key"].Value = key;
            _find.Parameters["$since"].Value = notBefore.ToUnixTimeMilliseconds();
            using var reader = _find.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            TokenUsage? usage = reader.IsDBNull(3) && reader.IsDBNull(4) && reader.IsDBNull(5)
                ? null
                : new TokenUsage(NullableLong(reader, 3), NullableLong(reader, 4), NullableLong(reader, 5));
            return new CachedResponse(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                usage,
                reader.IsDBNull(2) ? null : reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));
        }
    }

    public void Put(string key, string target, CachedResponse response)
    {
        lock (_lock)
        {
            var p = _put.Parameters;
            p["$key"].Value = key;
            p["$target"].Value = target;
            p["$created"].Value = response.Created.ToUnixTimeMilliseconds();
            p["$text"].Value = response.Text;
            p["$finish"].Value = (object?)response.FinishReason ?? DBNull.Value;
            p["$model"].Value = (object?)response.Model ?? DBNull.Value;
            p["$in"].Value = (object?)response.Usage?.InputTokens ?? DBNull.Value;
            p["$out"].Value = (object?)response.Usage?.OutputTokens ?? DBNull.Value;
            p["$total"].Value = (object?)response.Usage?.TotalTokens ?? DBNull.Value;
            _put.ExecuteNonQuery();
        }
    }

    public CacheStatistics Statistics()
    {
        lock (_lock)
        {
            using var summary = _connection.CreateCommand();
            summary.CommandText = "SELECT COUNT(*), MIN(created), MAX(created) FROM responses";
            long entries;
            DateTimeOffset? oldest = null, newest = null;
            using (var reader = summary.ExecuteReader())
            {
                reader.Read();
                entries = reader.GetInt64(0);
                if (!reader.IsDBNull(1))
                {
                    oldest = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
                    newest = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
                }
            }

            using var byTarget = _connection.CreateCommand();
            byTarget.CommandText = "SELECT target, COUNT(*) FROM responses GROUP BY target ORDER BY COUNT(*) DESC, target";
            var targets = new List<(string, long)>();
            using (var reader = byTarget.ExecuteReader())
            {
                while (reader.Read())
                {
                    targets.Add((reader.GetString(0), reader.GetInt64(1)));
                }
            }

            var bytes = new[] { Path, Path + "-wal", Path + "-shm" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            return new CacheStatistics(Path, entries, bytes, oldest, newest, targets);
        }
    }

    /// <summary>Deletes entries created before <paramref name="before"/> (all when null); returns how many.</summary>
    public long Clear(DateTimeOffset? before)
    {
        lock (_lock)
        {
            using var delete = _connection.CreateCommand();
            delete.CommandText = before is null ? "DELETE FROM responses" : "DELETE FROM responses WHERE created < $before";
            if (before is { } b)
            {
                delete.Parameters.AddWithValue("$before", b.ToUnixTimeMilliseconds());
            }

            var removed = delete.ExecuteNonQuery();
            using var vacuum = _connection.CreateCommand();
            vacuum.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;";
            vacuum.ExecuteNonQuery();
            return removed;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _find.Dispose();
            _put.Dispose();
            _connection.Dispose();
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z]+").Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    private static long? NullableLong(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
