using EvalHarness.Logs;
using EvalHarness.Validation;

namespace EvalHarness.Engine;

/// <summary>
/// Combines the logs of shards (<c>--shard i/n</c> on several machines) into the log of one run. Shards
/// must agree on everything but the shard: suites and their hashes, target, seed and settings. A merged
/// run claims to be the whole evaluation, so every shard of one split must be there and complete.
/// </summary>
public static class RunMerger
{
    public static (LogHeader Header, IReadOnlyList<SampleRecord> Samples, LogFooter Footer) Merge(IReadOnlyList<(string Source, RunLog Log)> shards, string runId)
    {
        var diagnostics = new DiagnosticBag();
        var first = shards[0];
        var reference = first.Log.Header;
        var seenShards = new Dictionary<ShardSpec, string>();
        foreach (var (source, log) in shards)
        {
            var h = log.Header;
            Require(diagnostics, source, "model", h.Model.Spec == reference.Model.Spec && h.Model.BaseUrl == reference.Model.BaseUrl, $"was run against {Describe(h)}, {first.Source} against {Describe(reference)}");
            Require(diagnostics, source, "seed", h.Seed == reference.Seed && h.Confidence == reference.Confidence, "has another seed or confidence level");
            Require(diagnostics, source, "settings", Comparable(h.Settings) == Comparable(reference.Settings), "was run with other settings (limit, epochs, retries, timeout, cache)");
            Require(diagnostics, source, "suites", SameSuites(h, reference), $"ran other suites, or other versions of them, than {first.Source}");
            Require(diagnostics, source, "generate", !SameSuiteNames(h, reference) || SameGeneration(h, reference), $"was run with other generation settings (temperature, max_tokens, top_p, seed, stop) than {first.Source}");
            Require(diagnostics, source, "status", log.Footer?.Status == RunStatus.Completed, Incomplete(source, log));
            var shard = ShardOf(h);
            if (!seenShards.TryAdd(shard, source))
            {
                diagnostics.Error(source, 0, 0, "settings.shard", $"shard {shard} is also in {seenShards[shard]}");
            }
        }

        CheckSplit(diagnostics, seenShards);

        // Runs that differ or do not form one split also overlap sample by sample; those lines would bury the cause.
        diagnostics.ThrowIfErrors();

        var samples = new List<SampleRecord>();
        var owner = new Dictionary<(string, string, int), string>();
        foreach (var (source, log) in shards)
        {
            foreach (var record in log.Samples)
            {
                if (!owner.TryAdd((record.Suite, record.Id, record.Epoch), source))
                {
                    diagnostics.Error(source, 0, 0, null, $"sample '{record.Id}' epoch {record.Epoch} of suite '{record.Suite}' is also in {owner[(record.Suite, record.Id, record.Epoch)]}: the shards overlap");
                    continue;
                }

                samples.Add(record);
            }
        }

        diagnostics.ThrowIfErrors();

        var header = reference with
        {
            RunId = runId,
            Started = shards.Min(s => s.Log.Header.Started),
            Settings = reference.Settings with
            {
                Shard = null,
                MaxConnections = shards.All(s => s.Log.Header.Settings.MaxConnections == reference.Settings.MaxConnections) ? reference.Settings.MaxConnections : null,
            },
            Suites = reference.Suites.Select(suite => suite with
            {
                Samples = shards.Sum(s => s.Log.Header.Suites.First(x => x.Name == suite.Name).Samples),
            }).ToList(),
        };
        var footer = new LogFooter
        {
            Ended = shards.Max(s => s.Log.Footer!.Ended),
            Status = RunStatus.Completed,
            Planned = shards.Sum(s => s.Log.Footer!.Planned),
            Completed = samples.Count,
            Errored = samples.Count(s => s.IsError),
        };
        return (header, samples, footer);
    }

    /// <summary>
    /// Shards of different splits (1/2 and 1/3) hold overlapping and missing samples, and a missing shard
    /// would make the merged results look like the whole evaluation, so both are refused by name.
    /// </summary>
    private static void CheckSplit(DiagnosticBag diagnostics, Dictionary<ShardSpec, string> shards)
    {
        var counts = shards.Keys.Select(s => s.Count).Distinct().Order().ToList();
        if (counts.Count > 1)
        {
            var listed = string.Join(", ", shards.OrderBy(s => s.Key.Count).ThenBy(s => s.Key.Index).Select(s => $"{s.Value} is shard {s.Key}"));
            diagnostics.Error("command line", 0, 0, "runs", $"the runs come from different splits ({listed}); merge the shards of one --shard i/n split, all with the same n");
            return;
        }

        var count = counts[0];
        foreach (var index in Enumerable.Range(1, count).Where(i => !shards.ContainsKey(new ShardSpec(i, count))))
        {
            diagnostics.Error("command line", 0, 0, "runs", $"shard {index}/{count} missing: pass the run directories of all {count} shards");
        }
    }

    private static string Incomplete(string source, RunLog log) => log.Footer is { } footer
        ? $"is incomplete (status {footer.Status}, {log.Samples.Count} of {footer.Planned} sample×epochs); finish it with 'evalh run --resume {source}' before merging"
        : $"is incomplete (the run stopped before its end, {log.Samples.Count} sample×epochs logged); finish it with 'evalh run --resume {source}' before merging";

    // Machines of different sizes may pace their shards differently; pacing changes no answer.
    private static RunSettings Comparable(RunSettings settings) => settings with { Shard = null, MaxConnections = null };

    private static ShardSpec ShardOf(LogHeader header) =>
        header.Settings.Shard is { } text && ShardSpec.TryParse(text, out var shard) ? shard! : new ShardSpec(1, 1);

    private static string Describe(LogHeader header) => header.Model.BaseUrl is { } url ? $"{header.Model.Spec} at {url}" : header.Model.Spec;

    private static bool SameSuiteNames(LogHeader a, LogHeader b) =>
        a.Suites.Select(s => s.Name).SequenceEqual(b.Suites.Select(s => s.Name), StringComparer.Ordinal);

    private static bool SameSuites(LogHeader a, LogHeader b) =>
        SameSuiteNames(a, b)
        && a.Suites.Zip(b.Suites).All(p => p.First.Files.SequenceEqual(p.Second.Files) && p.First.Epochs == p.Second.Epochs);

    private static bool SameGeneration(LogHeader a, LogHeader b) => a.Suites.Zip(b.Suites).All(p => p.First.Generate == p.Second.Generate);

    private static void Require(DiagnosticBag diagnostics, string source, string field, bool ok, string message)
    {
        if (!ok)
        {
            diagnostics.Error(source, 0, 0, field, message);
        }
    }
}
