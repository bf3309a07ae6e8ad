using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Taxonomy;

namespace EvalHarness.Results;

/// <summary>
/// Builds the cross-suite overview: a pass rate. Only scorers that declare themselves pass/fail with 1 for
/// the desired behaviour take part, chosen by that declaration rather than by the values a run happened to
/// produce: a BLEU of 0.5 on a 0-100 scale or a ROUGE similarity is not half a pass.
/// A sample's value is the mean of its pass/fail scorers' reduced values; samples that errored or are
/// incomplete do not count.
/// </summary>
internal static class OverviewBuilder
{
    public static Overview Build(IEnumerable<(SuiteHeader Suite, IReadOnlyList<SampleOutcome> Samples)> suites, double confidence)
    {
        var values = new List<(string Suite, IReadOnlyDictionary<string, string> Metadata, double Value)>();
        foreach (var (suite, samples) in suites)
        {
            var passFail = suite.Scorers.Select(s => s.Meaning is { Kind: ScoreKind.PassFail, Direction: ScoreDirection.HigherIsBetter }).ToArray();
            foreach (var sample in samples)
            {
                var sum = 0.0;
                var count = 0;
                for (var i = 0; i < sample.Scores.Length && i < passFail.Length; i++)
                {
                    if (passFail[i] && sample.Scores[i]?.Score?.Value is { } value)
                    {
                        sum += value;
                        count++;
                    }
                }

                if (count > 0)
                {
                    values.Add((suite.Name, sample.Metadata, sum / count));
                }
            }
        }

        return new Overview(
            Entries(values, MetadataKeys.Risk, RiskCategories.All, confidence),
            Entries(values, MetadataKeys.Perspective, Perspectives.All, confidence))
        {
            Quality = Entries(values, QualityCategories.MetadataKey, QualityCategories.All, confidence),
        };
    }

    private static List<OverviewEntry> Entries(List<(string Suite, IReadOnlyDictionary<string, string> Metadata, double Value)> samples, string key, IReadOnlyList<TaxonomyEntry> taxonomy, double confidence)
    {
        var byId = samples
            .Where(s => s.Metadata.ContainsKey(key))
            .GroupBy(s => s.Metadata[key], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var entries = new List<OverviewEntry>();
        foreach (var item in taxonomy)
        {
            if (!byId.TryGetValue(item.Id, out var tagged))
            {
                // Listed all the same: a reader must see that it was not measured, not miss that it is absent.
                entries.Add(new OverviewEntry(item.Id, item.English, item.Japanese, null, null, null, null, 0, []));
                continue;
            }

            var scores = tagged.Select(s => new SampleScore(string.Empty, s.Value, [], s.Metadata)).ToList();
            var value = AccuracyMetric.Default.Compute(new MetricInput(scores, confidence, 0));
            entries.Add(new OverviewEntry(
                item.Id, item.English, item.Japanese, value.Value, value.Interval?.Low, value.Interval?.High, value.Interval?.Method, value.N,
                tagged.Select(s => s.Suite).Distinct(StringComparer.Ordinal).ToList()));
        }

        return entries;
    }
}
