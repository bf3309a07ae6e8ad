using EvalHarness.Cli.Console;
using EvalHarness.Coverage;

namespace EvalHarness.Cli.Commands;

/// <summary>The coverage map as text: each risk, perspective and quality category with its counts, then what nothing covers.</summary>
internal static class CoveragePrinter
{
    public static void Print(TextWriter output, RunCoverage coverage, CoverageMap map)
    {
        output.WriteLine($"Coverage of the risks named in {map.PlanTitle}; citations number its {map.PlanText}.");
        output.WriteLine(ConsoleText.Safe($"Suites: {(coverage.Suites.Count == 0 ? "none" : string.Join(", ", coverage.Suites))} ({coverage.Samples} samples). A sample counts only for the risk, perspective and quality it is tagged with."));
        Section(output, "Risks (AI Basic Plan)", coverage.Risks, coverage.Suites);
        Section(output, "Perspectives (J-AISI)", coverage.Perspectives, coverage.Suites);
        Section(output, "Japanese-language quality (reported beside the risks, not as one)", coverage.Quality, coverage.Suites);

        output.WriteLine();
        output.WriteLine("Not covered by any of these suites:");
        output.WriteLine($"  risks ({coverage.NotCoveredRisks.Count} of {coverage.Risks.Count}): {List(coverage.NotCoveredRisks)}");
        output.WriteLine($"  perspectives ({coverage.NotCoveredPerspectives.Count} of {coverage.Perspectives.Count}): {List(coverage.NotCoveredPerspectives)}");
    }

    private static void Section(TextWriter output, string title, IReadOnlyList<CoverageEntry> entries, IReadOnlyList<string> loaded)
    {
        output.WriteLine();
        output.WriteLine(title);
        foreach (var entry in entries)
        {
            output.WriteLine($"  {entry.Id}: {entry.English} / {entry.Japanese}{(entry.Group is null ? string.Empty : $" [{entry.Group}]")}");
            if (entry.Plan.Count > 0)
            {
                output.WriteLine($"    plan:          {string.Join("; ", entry.Plan.Select(p => p.Citation))}");
            }

            if (entry.Group is not null)
            {
                output.WriteLine($"    perspectives:  {List(entry.Perspectives)}");
            }

            if (entry.Risks.Count > 0)
            {
                output.WriteLine($"    risks:         {List(entry.Risks)}");
            }

            output.WriteLine($"    designed for:  {Designed(entry.Designed, loaded)}");
            if (entry.Note is not null && entry.Designed.Count == 0)
            {
                output.WriteLine($"    why:           {entry.Note}");
            }

            output.WriteLine(ConsoleText.Safe($"    samples:       {Samples(entry)}"));
        }
    }

    private static string Designed(IReadOnlyList<DesignedSuite> designed, IReadOnlyList<string> loaded) =>
        designed.Count == 0
            ? "no suite"
            : string.Join("; ", designed.Select(d =>
                d.Suite
                + (d.Scorers.Count > 0 ? $" ({string.Join(", ", d.Scorers)})" : string.Empty)
                + (loaded.Contains(d.Suite, StringComparer.Ordinal) ? string.Empty : " [not among these suites]")));

    private static string Samples(CoverageEntry entry)
    {
        if (!entry.Covered)
        {
            return "0: NOT COVERED";
        }

        var languages = string.Join(", ", entry.Languages.Select(l => $"{l.Language} {l.Samples}"));
        var suites = string.Join("; ", entry.Suites.Select(s => $"{s.Name} {s.Samples} [{string.Join(", ", s.Scorers)}]"));
        return $"{entry.Samples} ({languages}) in {suites}";
    }

    private static string List(IReadOnlyList<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);
}
