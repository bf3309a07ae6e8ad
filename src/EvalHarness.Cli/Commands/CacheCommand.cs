using System.CommandLine;
using System.Globalization;
using EvalHarness.Cli.Console;
using EvalHarness.Providers.Caching;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalh cache stats|clear</c>: inspect or empty the response cache.</summary>
internal static class CacheCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("cache", "Inspect or clear the response cache (answers of live models, keyed by model, endpoint, messages, settings and epoch).");

        var statsDir = CacheDirOption();
        var stats = new Command("stats", "Entries, size and age of the response cache.") { statsDir };
        stats.SetAction(parse => Stats(env, parse.GetValue(statsDir)));
        command.Add(stats);

        var clearDir = CacheDirOption();
        var olderThan = RunCommand.Parsed<TimeSpan>("--older-than", "remove only entries older than this (e.g. 7d); default: all", Durations.TryParse, "a duration such as 12h or 7d");
        var clear = new Command("clear", "Remove entries from the response cache.") { clearDir, olderThan };
        clear.SetAction(parse => Clear(env, parse.GetValue(clearDir), parse.GetResult(olderThan) is null ? null : parse.GetValue(olderThan)));
        command.Add(clear);
        return command;
    }

    private static Option<string?> CacheDirOption() => new("--cache-dir") { Description = "cache directory (default EVALH_CACHE_DIR, then ~/.cache/evalharness)" };

    private static int Stats(CliEnvironment env, string? directory) =>
        WithCache(env, directory, cache => Stats(env, cache.Statistics()));

    private static int Stats(CliEnvironment env, CacheStatistics s)
    {
        env.Out.WriteLine(ConsoleText.Safe($"cache: {s.Path}"));
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"entries: {s.Entries}"));
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size: {s.Bytes / 1024.0:0.#} KiB"));
        if (s.Oldest is { } oldest && s.Newest is { } newest)
        {
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"oldest: {oldest.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, newest: {newest.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"));
        }

        foreach (var (target, entries) in s.ByTarget)
        {
            env.Out.WriteLine(ConsoleText.Safe(string.Create(CultureInfo.InvariantCulture, $"  {target}: {entries}")));
        }

        return ExitCodes.Ok;
    }

    private static int Clear(CliEnvironment env, string? directory, TimeSpan? olderThan) => WithCache(env, directory, cache =>
    {
        var removed = cache.Clear(olderThan is { } age ? env.Time.GetUtcNow() - age : null);
        env.Out.WriteLine(ConsoleText.Safe(string.Create(CultureInfo.InvariantCulture, $"removed {removed} entries from {cache.Path}")));
        return ExitCodes.Ok;
    });

    /// <summary>A cache file that is damaged, locked or unwritable is the user's input here: one clear line, exit 2.</summary>
    private static int WithCache(CliEnvironment env, string? directory, Func<SqliteResponseCache, int> action)
    {
        var location = CacheLocation.Directory(directory, env.Variables);
        try
        {
            using var cache = SqliteResponseCache.Open(location);
            return action(cache);
        }
        catch (Exception ex) when (CacheFailure.Is(ex))
        {
            var file = Path.Combine(location, CacheLocation.FileName);
            DiagnosticPrinter.Print(env.Error, [new Diagnostic(file, 0, 0, null,
                $"is not a usable response cache ({CacheFailure.Reason(ex)}); delete the file if it is damaged, wait for the process holding it, or pass --cache-dir DIR to use another directory")]);
            return ExitCodes.BadInput;
        }
    }
}
