using EvalHarness.Caching;
using EvalHarness.Models;
using Microsoft.Data.Sqlite;

namespace EvalHarness.Providers.Caching;

/// <summary>
/// The response cache in one SQLite file (WAL mode). One connection serves the whole process under a
/// lock: a lookup or an insert takes microseconds, far less than the requests it saves. A file that
/// cannot be written (a shared cache handed out read-only) is opened read-only: its answers are served
/// and nothing, not even the journal mode, is written to it.
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
            total_tokens INTEGER,
            run_id TEXT
        );
        CREATE INDEX IF NOT EXISTS responses_created ON responses(created);
        """;

    // SQLite's result codes for a file it may only read, and for one it cannot open as asked.
    private const int SqliteReadOnly = 8;
    private const int SqliteCannotOpen = 14;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _put;
    private readonly Lock _lock = new();

    private readonly bool _hasRunId;

    private SqliteResponseCache(string path, SqliteConnection connection, bool readOnly)
    {
        Path = path;
        ReadOnly = readOnly;
        _connection = connection;

        // Caches written before answers recorded their run have no run_id column: a writable one gains it, a
        // read-only one is read without it (its answers name no run).
        _hasRunId = HasColumn(connection, "run_id");
        if (!_hasRunId && !readOnly)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE responses ADD COLUMN run_id TEXT";
            alter.ExecuteNonQuery();
            _hasRunId = true;
        }

        _find = Command("SELECT text, finish_reason, model, input_tokens, output_tokens, total_tokens, created" + (_hasRunId ? ", run_id" : string.Empty) + " FROM responses WHERE key = $key AND created >= $since");
        _put = Command(_hasRunId
            ? "INSERT OR REPLACE INTO responses (key, target, created, text, finish_reason, model, input_tokens, output_tokens, total_tokens, run_id) VALUES ($key, $target, $created, $text, $finish, $model, $in, $out, $total, $run)"
            : "INSERT OR REPLACE INTO responses (key, target, created, text, finish_reason, model, input_tokens, output_tokens, total_tokens) VALUES ($key, $target, $created, $text, $finish, $model, $in, $out, $total)");
    }

    private static bool HasColumn(SqliteConnection connection, string column)
    {
        using var info = connection.CreateCommand();
        info.CommandText = "SELECT COUNT(*) FROM pragma_table_info('responses') WHERE name = $name";
        info.Parameters.AddWithValue("$name", column);
        return Convert.ToInt64(info.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public string Path { get; }

    /// <summary>True when the file was opened read-only: <see cref="Find"/> works, <see cref="Put"/> and <see cref="Clear"/> throw.</summary>
    public bool ReadOnly { get; }

    /// <summary>
    /// How long a statement waits for another process that holds the file. Writers hold it for
    /// microseconds, so a longer wait means the file is locked for good and the cache is not worth it.
    /// </summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Opens (creating if needed) the cache in <paramref name="directory"/>, read-only when the file cannot
    /// be written. Throws what <see cref="CacheFailure.Is"/> recognises when the file is not a database,
    /// locked or cannot be opened at all.
    /// </summary>
    public static SqliteResponseCache Open(string directory, TimeSpan? busyTimeout = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, CacheLocation.FileName);
        var timeout = Math.Max(1, (int)Math.Ceiling((busyTimeout ?? DefaultBusyTimeout).TotalSeconds));

        // Asked of the permission bits rather than tried, since root may write a file whose owner made it
        // read-only; a file the system refuses to write shows up as the read-write open failing.
        if (File.Exists(path) && File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly))
        {
            return OpenReadOnly(path, timeout);
        }

        var connection = new SqliteConnection(ConnectionString(path, timeout, SqliteOpenMode.ReadWriteCreate));
        try
        {
            connection.Open();

            // SQLite quietly opens a file it may not write read-only instead of failing.
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") != 1)
            {
                using var schema = connection.CreateCommand();
                schema.CommandText = Schema;
                schema.ExecuteNonQuery();
                return new SqliteResponseCache(path, connection, readOnly: false);
            }
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode is SqliteReadOnly or SqliteCannotOpen) && File.Exists(path))
        {
            // Tried again read-only below.
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        connection.Dispose();
        return OpenReadOnly(path, timeout);
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
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)))
            {
                RunId = _hasRunId && !reader.IsDBNull(7) ? reader.GetString(7) : null,
            };
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
            if (_hasRunId)
            {
                p["$run"].Value = (object?)response.RunId ?? DBNull.Value;
            }
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

    private static SqliteResponseCache OpenReadOnly(string path, int timeoutSeconds)
    {
        var connection = new SqliteConnection(ConnectionString(path, timeoutSeconds, SqliteOpenMode.ReadOnly));
        try
        {
            connection.Open();
            return new SqliteResponseCache(path, connection, readOnly: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string ConnectionString(string path, int timeoutSeconds, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = timeoutSeconds,
    }.ToString();

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
