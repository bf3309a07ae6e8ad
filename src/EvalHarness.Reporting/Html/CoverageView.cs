using System.Globalization;
using EvalHarness.Coverage;
using EvalHarness.Taxonomy;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// The report's coverage section: per risk, perspective and quality category, the samples of this run tagged
/// with it (scored, by language and suite) beside the coverage map (the Plan's section, perspectives, the
/// suites designed for it), with the ones no sample covers marked as such.
/// </summary>
internal static class CoverageView
{
    public static object Build(RunCoverage coverage) => new
    {
        Risks = coverage.Risks.Select(Row).ToList(),
        Perspectives = coverage.Perspectives.Select(Row).ToList(),
        Quality = coverage.Quality.Select(Row).ToList(),
        NotCoveredRisks = Names(coverage.NotCoveredRisks, RiskCategories.All),
        NotCoveredPerspectives = Names(coverage.NotCoveredPerspectives, Perspectives.All),
        AllCovered = coverage.NotCoveredRisks.Count == 0 && coverage.NotCoveredPerspectives.Count == 0,
    };

    private static object Row(CoverageEntry entry)
    {
        var group = entry.Group is null ? null : RiskGroups.All.FirstOrDefault(g => g.Id == entry.Group);
        return new
        {
            entry.Id,
            entry.English,
            entry.Japanese,
            entry.Covered,
            GroupEn = group?.English,
            GroupJa = group?.Japanese,
            Plan = entry.Plan.Select(p => new { p.Citation, p.About }).ToList(),
            Perspectives = Names(entry.Perspectives, Taxonomy.Perspectives.All),
            Risks = Names(entry.Risks, RiskCategories.All),
            entry.Samples,
            Scored = (entry.Scored ?? entry.Samples).ToString(CultureInfo.InvariantCulture),
            AllScored = (entry.Scored ?? entry.Samples) == entry.Samples,
            Languages = string.Join(", ", entry.Languages.Select(l => $"{l.Language} {Number(l.Scored ?? l.Samples)}")),
            Suites = entry.Suites.Select(s => new { s.Name, Scored = Number(s.Scored ?? s.Samples), Scorers = string.Join(", ", s.Scorers) }).ToList(),
            Designed = entry.Designed.Select(d => new { d.Suite, Scorers = string.Join(", ", d.Scorers) }).ToList(),
            entry.Note,
        };
    }

    /// <summary>Ids as both languages' labels, for a cell that follows the page's language.</summary>
    private static object Names(IReadOnlyList<string> ids, IReadOnlyList<TaxonomyEntry> taxonomy)
    {
        var entries = ids.Select(id => taxonomy.FirstOrDefault(t => t.Id == id) ?? new TaxonomyEntry(id, id, id)).ToList();
        return new { En = string.Join(", ", entries.Select(e => e.English)), Ja = string.Join("、", entries.Select(e => e.Japanese)), Any = entries.Count > 0 };
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
