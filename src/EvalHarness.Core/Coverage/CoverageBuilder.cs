using EvalHarness.Suites;
using EvalHarness.Taxonomy;

namespace EvalHarness.Coverage;

/// <summary>
/// Counts samples per risk, perspective and quality category from the samples' own tags (a sample counts
/// only for what it is tagged with; the coverage map's list of suites counts nothing) and sets the map's
/// facts beside each count. The same counts serve `evalh coverage` (loaded suites) and a run's report (its log).
/// </summary>
public static class CoverageBuilder
{
    public static RunCoverage Build(IReadOnlyList<CoverageSample> samples, IReadOnlyList<string> suites, CoverageMap map)
    {
        var run = samples.Any(s => s.Scored is not null);
        return new RunCoverage
        {
            Suites = suites,
            Samples = samples.Count,
            Scored = run ? samples.Count(s => s.Scored == true) : null,
            Risks = Entries(samples, MetadataKeys.Risk, RiskCategories.All, map.Risks, _ => [], run),
            Perspectives = Entries(samples, MetadataKeys.Perspective, Taxonomy.Perspectives.All, map.Perspectives, id => map.Risks.Where(r => r.Perspectives.Contains(id)).Select(r => r.Id).ToList(), run),
            Quality = Entries(samples, QualityCategories.MetadataKey, QualityCategories.All, map.Quality, _ => [], run),
        };
    }

    private static List<CoverageEntry> Entries(
        IReadOnlyList<CoverageSample> samples, string key, IReadOnlyList<TaxonomyEntry> taxonomy, IReadOnlyList<CoverageMapEntry> map, Func<string, IReadOnlyList<string>> risks, bool run)
    {
        // A log written by another host may spell a tag by label; the taxonomy's lookup takes any spelling.
        var byId = samples
            .Select(s => (Sample: s, Id: s.Metadata.TryGetValue(key, out var value) ? TaxonomyLookup.Find(taxonomy, value)?.Id : null))
            .Where(p => p.Id is not null)
            .GroupBy(p => p.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Sample).ToList(), StringComparer.Ordinal);
        var entries = new List<CoverageEntry>(taxonomy.Count);
        foreach (var item in taxonomy)
        {
            var tagged = byId.GetValueOrDefault(item.Id) ?? [];
            var mapped = map.FirstOrDefault(m => m.Id == item.Id);
            entries.Add(new CoverageEntry(item.Id, item.English, item.Japanese)
            {
                Group = mapped?.Group,
                Plan = mapped?.Plan ?? [],
                Perspectives = mapped?.Perspectives ?? [],
                Risks = risks(item.Id),
                Designed = mapped?.Suites ?? [],
                Note = mapped?.Note,
                Samples = tagged.Count,
                Scored = run ? tagged.Count(s => s.Scored == true) : null,
                Languages = tagged
                    .GroupBy(s => s.Language, StringComparer.Ordinal)
                    .OrderBy(g => LanguageOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new CoverageCount(g.Key, g.Count(), run ? g.Count(s => s.Scored == true) : null))
                    .ToList(),
                Suites = tagged
                    .GroupBy(s => s.Suite, StringComparer.Ordinal)
                    .Select(g => new CoverageSuite(g.Key, g.Count(), g.SelectMany(s => s.Scorers).Distinct(StringComparer.Ordinal).ToList(), run ? g.Count(s => s.Scored == true) : null))
                    .ToList(),
            });
        }

        return entries;
    }

    // Japanese first: the Plan's suites are mostly Japanese with English counterparts.
    private static int LanguageOrder(string language) => language switch
    {
        "ja" => 0,
        "en" => 1,
        _ => 2,
    };
}
