using System.Globalization;
using EvalHarness.Coverage;

namespace EvalHarness.Reporting.Markdown;

/// <summary>The coverage part of report.md: the run's samples per risk, perspective and quality category beside the coverage map.</summary>
internal static class CoverageSection
{
    public static void Write(MarkdownWriter md, RunCoverage coverage)
    {
        if (coverage.Risks.Count == 0)
        {
            return;
        }

        md.Heading(2, "Coverage of the AI Basic Plan's risks");
        md.Paragraph(MarkdownText.Escape("Samples of this run tagged with each risk, perspective and quality category (scored; by language and suite), beside where the Plan names the risk and the bundled suites designed to measure it. A sample counts only for what it is tagged with."));
        if (coverage.NotCoveredRisks.Count > 0 || coverage.NotCoveredPerspectives.Count > 0)
        {
            md.List(
            [
                "**Risks not covered by this run:** " + MarkdownText.Escape(Ids(coverage.NotCoveredRisks)),
                "**Perspectives not covered by this run:** " + MarkdownText.Escape(Ids(coverage.NotCoveredPerspectives)),
            ]);
        }

        md.Table(
            ["Risk", "Group", "AI Basic Plan", "Perspectives", "Samples scored", "In this run", "Designed for"],
            "llllrll",
            coverage.Risks.Select(e => (IReadOnlyList<string>)
                [e.Id, e.Group ?? string.Empty, string.Join("; ", e.Plan.Select(p => p.Citation)), Ids(e.Perspectives), Count(e), InRun(e), Designed(e)]));
        md.Table(
            ["Perspective", "Risks", "Samples scored", "In this run", "Designed for"],
            "llrll",
            coverage.Perspectives.Select(e => (IReadOnlyList<string>)[e.Id, Ids(e.Risks), Count(e), InRun(e), Designed(e)]));
        md.Table(
            ["Quality", "AI Basic Plan", "Samples scored", "In this run", "Designed for"],
            "llrll",
            coverage.Quality.Select(e => (IReadOnlyList<string>)[e.Id, string.Join("; ", e.Plan.Select(p => p.Citation)), Count(e), InRun(e), Designed(e)]));
    }

    private static string Count(CoverageEntry e) =>
        !e.Covered ? "not covered"
            : e.Scored is { } scored && scored != e.Samples ? $"{Number(scored)} of {Number(e.Samples)}"
            : Number(e.Scored ?? e.Samples);

    private static string InRun(CoverageEntry e) =>
        !e.Covered ? "–"
            : string.Join(", ", e.Languages.Select(l => $"{l.Language} {Number(l.Scored ?? l.Samples)}"))
              + "; " + string.Join("; ", e.Suites.Select(s => $"{s.Name} {Number(s.Scored ?? s.Samples)}"));

    // Suites only: a summary for pull requests; the HTML report and `evalh coverage` name their scorers.
    private static string Designed(CoverageEntry e) =>
        e.Designed.Count == 0 ? "no suite" + (e.Note is null ? string.Empty : ": " + e.Note)
            : string.Join(", ", e.Designed.Select(d => d.Suite));

    private static string Ids(IReadOnlyList<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
