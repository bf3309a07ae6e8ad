using EvalHarness.Results;

namespace EvalHarness.Cli.Commands;

/// <summary>Compares results rebuilt from the log with the packed results.json: every suite and group metric and the overview.</summary>
internal static class RescoreCheckMetrics
{
    /// <summary>Adds a difference for each metric that is not the same in both; returns how many values were compared.</summary>
    public static int Compare(RunResults rebuilt, RunResults packed, List<RescoreFinding> differences)
    {
        var compared = 0;
        var packedSuites = packed.Suites.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var suite in rebuilt.Suites)
        {
            if (!packedSuites.Remove(suite.Name, out var other))
            {
                differences.Add(new(RescoreFinding.Metric, $"suite {suite.Name}", "is in the log but not in results.json"));
                continue;
            }

            Counts($"suite {suite.Name}", suite.Counts, other.Counts, differences);
            compared += Metrics($"suite {suite.Name}", suite.Metrics, other.Metrics, differences);
            var groups = other.Groups.ToDictionary(g => (g.Key, g.Value));
            foreach (var group in suite.Groups)
            {
                var subject = $"suite {suite.Name}, group {group.Key}={group.Value}";
                if (!groups.Remove((group.Key, group.Value), out var otherGroup))
                {
                    differences.Add(new(RescoreFinding.Metric, subject, "is computed from the log but not in results.json"));
                    continue;
                }

                Counts(subject, group.Counts, otherGroup.Counts, differences);
                compared += Metrics(subject, group.Metrics, otherGroup.Metrics, differences);
            }

            foreach (var extra in groups.Values)
            {
                differences.Add(new(RescoreFinding.Metric, $"suite {suite.Name}, group {extra.Key}={extra.Value}", "is in results.json but not computed from the log"));
            }
        }

        foreach (var extra in packedSuites.Keys)
        {
            differences.Add(new(RescoreFinding.Metric, $"suite {extra}", "is in results.json but not in the log"));
        }

        compared += Overview("risk", rebuilt.Overview.Risks, packed.Overview.Risks, differences);
        compared += Overview("perspective", rebuilt.Overview.Perspectives, packed.Overview.Perspectives, differences);
        compared += Overview("quality", rebuilt.Overview.Quality, packed.Overview.Quality, differences);
        return compared;
    }

    private static int Metrics(string where, IReadOnlyList<MetricResult> rebuilt, IReadOnlyList<MetricResult> packed, List<RescoreFinding> differences)
    {
        var others = packed.GroupBy(m => (m.Scorer, m.Metric)).ToDictionary(g => g.Key, g => g.First());
        foreach (var metric in rebuilt)
        {
            var subject = $"{where}, scorer {metric.Scorer}, metric {metric.Metric}";
            if (!others.Remove((metric.Scorer, metric.Metric), out var other))
            {
                differences.Add(new(RescoreFinding.Metric, subject, $"is {RescoreNumbers.Show(metric.Value)} computed from the log, but not in results.json"));
                continue;
            }

            var parts = new List<string>();
            Field(parts, "value", other.Value, metric.Value);
            Field(parts, "interval low", other.CiLow, metric.CiLow);
            Field(parts, "interval high", other.CiHigh, metric.CiHigh);
            Field(parts, "n", other.N, metric.N);
            Field(parts, "unscored", other.Unscored, metric.Unscored);
            Field(parts, "judge errors", other.JudgeErrors, metric.JudgeErrors);
            if (parts.Count > 0)
            {
                differences.Add(new(RescoreFinding.Metric, subject, string.Join("; ", parts)));
            }
        }

        foreach (var extra in others.Values)
        {
            differences.Add(new(RescoreFinding.Metric, $"{where}, scorer {extra.Scorer}, metric {extra.Metric}", $"is {RescoreNumbers.Show(extra.Value)} in results.json, but not computed from the log"));
        }

        return rebuilt.Count;
    }

    private static int Overview(string kind, IReadOnlyList<OverviewEntry> rebuilt, IReadOnlyList<OverviewEntry> packed, List<RescoreFinding> differences)
    {
        var others = packed.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var entry in rebuilt)
        {
            var subject = $"overview {kind} {entry.Id}";
            if (!others.Remove(entry.Id, out var other))
            {
                differences.Add(new(RescoreFinding.Metric, subject, "is computed from the log but not in results.json"));
                continue;
            }

            var parts = new List<string>();
            Field(parts, "pass rate", other.Value, entry.Value);
            Field(parts, "interval low", other.CiLow, entry.CiLow);
            Field(parts, "interval high", other.CiHigh, entry.CiHigh);
            Field(parts, "n", other.N, entry.N);
            if (parts.Count > 0)
            {
                differences.Add(new(RescoreFinding.Metric, subject, string.Join("; ", parts)));
            }
        }

        foreach (var extra in others.Keys)
        {
            differences.Add(new(RescoreFinding.Metric, $"overview {kind} {extra}", "is in results.json but not computed from the log"));
        }

        return rebuilt.Count;
    }

    private static void Counts(string subject, ResultCounts rebuilt, ResultCounts packed, List<RescoreFinding> differences)
    {
        if (rebuilt != packed)
        {
            differences.Add(new(RescoreFinding.Metric, subject, $"results.json counts {Show(packed)}, the log gives {Show(rebuilt)}"));
        }
    }

    private static string Show(ResultCounts c) =>
        $"{c.Samples} samples ({c.Scored} scored, {c.Errored} errored, {c.Pending} pending), {c.Epochs} epochs ({c.ErroredEpochs} errored)";

    private static void Field(List<string> parts, string name, double? packed, double? rebuilt)
    {
        if (!RescoreNumbers.Same(packed, rebuilt))
        {
            parts.Add($"{name} {RescoreNumbers.Show(packed)} in results.json, {RescoreNumbers.Show(rebuilt)} re-computed");
        }
    }
}
