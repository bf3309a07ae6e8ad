using Microsoft.Data.Sqlite;

namespace EvalHarness.Providers.Caching;

/// <summary>
/// The ways a cache file can be unusable (not a database, damaged, locked by another process, on a disk
/// that refuses writes), told apart from bugs so that only these are survived.
/// </summary>
public static class CacheFailure
{
    public static bool Is(Exception exception) =>
        exception is SqliteException or IOException or UnauthorizedAccessException;

    /// <summary>What went wrong, in the words of SQLite or the file system, which name no secret.</summary>
    public static string Reason(Exception exception) => exception.Message.TrimEnd('.');
}
