using System.Globalization;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Models;
using EvalHarness.Scoring;
using EvalHarness.Validation;

namespace EvalHarness.Engine;

/// <summary>
/// Decides which sample × epoch items a run executes. A resumed run takes its plan from the log
/// header, not from today's flags, and refuses to continue when the suites or the target changed.
/// </summary>
internal static class RunPlanner
{
    public static RunPlan New(ModelInfo target, IReadOnlyList<Suite> suites, RunOptions options, DateTimeOffset now)
    {
        var planned = suites.Select(s => Plan(s, options.Limit, options.Epochs, options.Shard, s.Generate.With(options.Generate))).ToList();
        var header = HeaderFactory.Create(options.RunId ?? NewRunId(now), now, target, planned, options);
        var items = planned.SelectMany(p => p.Items()).ToList();
        return new RunPlan(header, items, items.Count, null);
    }

    public static RunPlan Resume(RunLog log, string logPath, ModelInfo target, IReadOnlyList<Suite> suites, IReadOnlyList<ModelRole> roles)
    {
        var header = log.Header;
        var diagnostics = new DiagnosticBag();
        var display = DisplayPaths.For(logPath);
        if (header.Model.Spec != target.Spec || header.Model.BaseUrl != target.BaseUrl)
        {
            diagnostics.Error("command line", 0, 0, "--model",
                $"the run in {display} was made against {Describe(header.Model)}; resume it with the same --model and --base-url (got {Describe(target)})");
        }

        // Verdicts of two different judges in one run would not measure one thing.
        foreach (var logged in header.Roles ?? [])
        {
            var now = roles.FirstOrDefault(r => r.Name == logged.Name)?.Models.Select(m => m.Info).ToList() ?? [];
            if (!now.Select(Describe).SequenceEqual(logged.Models.Select(Describe), StringComparer.Ordinal))
            {
                diagnostics.Error("command line", 0, 0, "--" + logged.Name,
                    $"the run in {display} was judged by {string.Join(", ", logged.Models.Select(Describe))}; resume it with the same --{logged.Name} (got {(now.Count == 0 ? "none" : string.Join(", ", now.Select(Describe)))})");
            }
        }

        var planned = new List<PlannedSuite>();
        foreach (var recorded in header.Suites)
        {
            var suite = suites.FirstOrDefault(s => s.Name == recorded.Name);
            if (suite is null)
            {
                diagnostics.Error("command line", 0, 0, "suite", $"the run includes suite '{recorded.Name}' ({recorded.Path}); pass it again to resume");
                continue;
            }

            foreach (var file in recorded.Files)
            {
                var now = suite.Files.FirstOrDefault(f => f.Path == file.Path);
                if (now is null || now.Sha256 != file.Sha256)
                {
                    diagnostics.Error(file.Path, 0, 0, null,
                        $"changed since the run started (recorded sha256 {file.Sha256[..12]}…, now {(now?.Sha256[..12] ?? "missing")}…); resuming would mix two versions of the suite, so start a new run instead");
                }
            }

            ShardSpec? shard = null;
            if (header.Settings.Shard is { } s && !ShardSpec.TryParse(s, out shard))
            {
                diagnostics.Error(display, 1, 0, "settings.shard", $"'{s}' is not a shard (i/n)");
            }

            planned.Add(Plan(suite, header.Settings.Limit, recorded.Epochs.Count, shard, recorded.Generate) with { Epochs = recorded.Epochs });
        }

        foreach (var extra in suites.Where(s => header.Suites.All(h => h.Name != s.Name)))
        {
            diagnostics.Error("command line", 0, 0, "suite", $"suite '{extra.Name}' is not part of the run in {display}");
        }

        diagnostics.ThrowIfErrors();

        var done = log.Samples.Select(r => (r.Suite, r.Id, r.Epoch)).ToHashSet();
        var all = planned.SelectMany(p => p.Items()).ToList();
        var remaining = all.Where(i => !done.Contains((i.Suite.Name, i.Sample.Id, i.Epoch))).ToList();
        return new RunPlan(header, remaining, all.Count, log);
    }

    public static string NewRunId(DateTimeOffset started) =>
        started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    private static PlannedSuite Plan(Suite suite, int? limit, int? epochs, ShardSpec? shard, GenerationSettings generate)
    {
        IEnumerable<Sample> samples = suite.Samples;
        if (limit is { } l)
        {
            samples = samples.Take(l);
        }

        if (shard is not null)
        {
            samples = samples.Where(s => shard.Contains(suite.Name, s.Id));
        }

        var epochSettings = epochs is { } e ? suite.Epochs with { Count = e } : suite.Epochs;
        return new PlannedSuite(suite, samples.ToList(), epochSettings, generate);
    }

    private static string Describe(ModelInfo target) => target.BaseUrl is null ? target.Spec : $"{target.Spec} at {target.BaseUrl}";
}
