using System.Globalization;
using EvalHarness.Comparison;
using EvalHarness.Results;

namespace EvalHarness.Reporting.Markdown;

/// <summary>
/// The "Comparison with …" part of report.md: every metric of both runs with its difference, interval, adjusted
/// p-value and verdict (as <c>evalh compare</c> gives them), significant regressions first.
/// </summary>
internal static class ComparisonSection
{
    public static void Write(MarkdownWriter md, RunComparison comparison)
    {
        md.Heading(2, "Comparison with " + MarkdownText.Escape(comparison.BaselineRunId));
        var baseline = comparison.BaselineModel;
        md.Paragraph(MarkdownText.Escape(
            $"Baseline: {baseline.Spec} ({baseline.Label}). {Count(comparison.Regressions, "significant regression")}, " +
            $"{Count(comparison.Improvements, "significant improvement")} among {Count(comparison.Deltas.Count, "metric")} compared. " +
            "Δ = this run − baseline over the samples both scored, with its 95% paired-bootstrap interval (percentage points for rates). " +
            $"p-values (McNemar for a pass/fail scorer's pass rate, Wilcoxon for a graded mean, paired bootstrap otherwise) are adjusted by {CompareFormat.Correction(comparison.Correction)} " +
            $"across {comparison.Tested} comparisons; {CompareFormat.Marker} marks adjusted p < {comparison.Alpha.ToString("0.###", CultureInfo.InvariantCulture)}. " +
            $"MDD is the smallest difference detectable with 80% power at this n. Bootstrap seed {comparison.Seed}, {comparison.Resamples} resamples."));
        if (comparison.SuitesDiffer)
        {
            md.Paragraph(MarkdownText.Escape(
                "The runs ran different suites, so only the suites both ran are compared; the overview rows (" + ComparisonBuilder.CommonSuites +
                ") are pass rates recomputed over those suites in both runs, not the overview above." +
                Listed(" Only in this run (not compared): ", comparison.OnlyInCandidate) +
                Listed(" Only in the baseline (not compared): ", comparison.OnlyInBaseline)));
        }

        foreach (var p in comparison.Pairing)
        {
            var notes = new List<string>();
            if (p.FilesDiffer)
            {
                notes.Add("scored by different suite versions (the suite files' SHA-256 differ); compared anyway");
            }

            if (p.OnlyInA > 0)
            {
                notes.Add($"{p.OnlyInA} samples only in the baseline ({string.Join(", ", p.OnlyInAIds)}{(p.OnlyInA > p.OnlyInAIds.Count ? ", …" : string.Empty)}), not paired");
            }

            if (p.OnlyInB > 0)
            {
                notes.Add($"{p.OnlyInB} samples only in this run ({string.Join(", ", p.OnlyInBIds)}{(p.OnlyInB > p.OnlyInBIds.Count ? ", …" : string.Empty)}), not paired");
            }

            if (notes.Count > 0)
            {
                md.Paragraph(MarkdownText.Escape($"{p.Suite}: {string.Join("; ", notes)}."));
            }
        }

        if (comparison.ResamplesNeeded is { } needed)
        {
            md.Paragraph(MarkdownText.Escape(
                $"With {comparison.Tested} comparisons and {comparison.Resamples} resamples no paired-bootstrap row can be significant (its p-value is at least 2/(resamples + 1)); " +
                $"run evalh compare with --resamples {needed.ToString(CultureInfo.InvariantCulture)} or more to decide on those metrics."));
        }

        if (comparison.Deltas.Count == 0)
        {
            return;
        }

        // Kept in the comparison's order, which already puts the worst significant regression first.
        md.Table(
            ["Suite", "Group", "Scorer", "Metric", "Baseline", "Candidate", "Δ [95% CI]", "Adj. p", "MDD", "Change"],
            "llllrrrrrl",
            comparison.Deltas.Select(d => (IReadOnlyList<string>)
            [
                d.Suite,
                d.Group ?? "all samples",
                d.Scorer,
                d.Metric,
                MetricFormat.Value(d.Proportion, d.Baseline),
                MetricFormat.Value(d.Proportion, d.Candidate),
                d.Row is { } row ? CompareFormat.Difference(row) : MetricFormat.Delta(d.Proportion, d.Delta),
                d.Row is { } adjusted ? CompareFormat.Adjusted(adjusted) : "–",
                d.Row is { } detectable ? CompareFormat.Detectable(detectable) : "–",
                d.Change,
            ]));
    }

    private static string Listed(string label, IReadOnlyList<string> suites) =>
        suites.Count == 0 ? string.Empty : label + string.Join(", ", suites) + ".";

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
