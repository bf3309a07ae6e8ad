using System.Globalization;
using EvalHarness.Results;

namespace EvalHarness.Reporting.Markdown;

/// <summary>The "Comparison with …" part of report.md: every metric of both runs, regressions first.</summary>
internal static class ComparisonSection
{
    public static void Write(MarkdownWriter md, RunComparison comparison)
    {
        md.Heading(2, "Comparison with " + MarkdownText.Escape(comparison.BaselineRunId));
        var baseline = comparison.BaselineModel;
        md.Paragraph(MarkdownText.Escape(
            $"Baseline: {baseline.Spec} ({baseline.Label}). {Count(comparison.Regressions, "regression")}, " +
            $"{Count(comparison.Improvements, "improvement")} among {Count(comparison.Deltas.Count, "metric")} compared."));
        if (comparison.SuitesDiffer)
        {
            md.Paragraph(MarkdownText.Escape(
                "The runs ran different suites, so only the suites both ran are compared; the overview rows (" + ComparisonBuilder.CommonSuites +
                ") are pass rates recomputed over those suites in both runs, not the overview above." +
                Listed(" Only in this run (not compared): ", comparison.OnlyInCandidate) +
                Listed(" Only in the baseline (not compared): ", comparison.OnlyInBaseline)));
        }

        if (comparison.Deltas.Count == 0)
        {
            return;
        }

        // Kept in the comparison's order, which already puts the worst regression first.
        md.Table(
            ["Suite", "Group", "Scorer", "Metric", "Baseline", "Candidate", "Δ", "Change"],
            "llllrrrl",
            comparison.Deltas.Select(d => (IReadOnlyList<string>)
            [
                d.Suite,
                d.Group ?? "all samples",
                d.Scorer,
                d.Metric,
                MetricFormat.Value(d.Proportion, d.Baseline),
                MetricFormat.Value(d.Proportion, d.Candidate),
                MetricFormat.Delta(d.Proportion, d.Delta),
                d.Change,
            ]));
    }

    private static string Listed(string label, IReadOnlyList<string> suites) =>
        suites.Count == 0 ? string.Empty : label + string.Join(", ", suites) + ".";

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
