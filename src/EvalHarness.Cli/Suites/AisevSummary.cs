using System.Globalization;
using EvalHarness.Cli.Console;
using EvalHarness.Japanese.Aisev;
using EvalHarness.Reporting;
using EvalHarness.Results;
using EvalHarness.Suites;
using EvalHarness.Taxonomy;

namespace EvalHarness.Cli.Suites;

/// <summary>
/// The closing lines of a run of aisev datasets: each perspective's scores on aisev's 0–100 scale, by scorer kind,
/// with the GSN-weighted score and the weight it covers when <c>--gsn</c> was given.
/// </summary>
internal static class AisevSummary
{
    private const string Score = "aisev_score";
    private const string Gsn = "aisev_gsn";
    private const string Coverage = "aisev_gsn_coverage";

    public static void Print(TextWriter output, RunResults results)
    {
        foreach (var suite in results.Suites)
        {
            var groups = suite.Groups
                .Where(g => g.Key is MetadataKeys.Perspective or AisevMetadataKeys.UnknownPerspective && g.Metrics.Any(m => m.Metric == Score))
                .ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            output.WriteLine(ConsoleText.Safe($"{suite.Name}: aisev scores (0–100) by perspective"));
            foreach (var group in groups)
            {
                output.WriteLine(ConsoleText.Safe($"  {Label(group)}: {string.Join("; ", Parts(group))}"));
            }
        }
    }

    private static IEnumerable<string> Parts(GroupResults group)
    {
        var scores = group.Metrics.Where(m => m.Metric == Score).ToList();
        foreach (var score in scores)
        {
            var unscored = JudgeFacts.Unscored(score.Unscored, score.JudgeErrors);
            var part = $"{score.Scorer} {Number(score.Value)} n={score.N}" + (unscored.Length > 0 ? $" ({unscored})" : string.Empty);
            if (group.Metrics.FirstOrDefault(m => m.Scorer == score.Scorer && m.Metric == Gsn) is { Value: { } gsn })
            {
                var covered = group.Metrics.FirstOrDefault(m => m.Scorer == score.Scorer && m.Metric == Coverage)?.Value;
                part += $", GSN-weighted {Number(gsn)} (the rows cover {MetricFormat.Value(true, covered)} of the GSN weight, so at most {Number(100 * covered)})";
            }

            yield return part;
        }

        // aisev would keep only the kind that comes last in the file; every row counts here.
        if (scores.Count(s => s.Value is not null) > 1 && scores.Sum(s => s.N) is var n and > 0)
        {
            yield return $"all kinds pooled {Number(scores.Sum(s => (s.Value ?? 0) * s.N) / n)} n={n}";
        }
    }

    private static string Label(GroupResults group) =>
        group.Key == MetadataKeys.Perspective && Perspectives.Find(group.Value) is { } entry ? $"{entry.Japanese} ({entry.Id})" : group.Value;

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "–";
}
