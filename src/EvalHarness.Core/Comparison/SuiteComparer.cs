using EvalHarness.Extensions;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Results;
using EvalHarness.Scoring;

namespace EvalHarness.Comparison;

/// <summary>One suite of two runs: pairs its samples by id and builds the rows of every metric of every scorer both runs have, overall and per group.</summary>
internal static class SuiteComparer
{
    public static (SuitePairing Pairing, List<CompareRow> Rows) Compare(
        SuiteHeader suiteA, List<SampleOutcome> samplesA, SuiteHeader suiteB, List<SampleOutcome> samplesB, NamedCatalog<IMetric> metrics, double confidence, CompareOptions options, int seed)
    {
        var byIdB = samplesB.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var idsA = samplesA.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var onlyA = samplesA.Where(s => !byIdB.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        var onlyB = samplesB.Where(s => !idsA.Contains(s.Id)).Select(s => s.Id).ToList();
        var pairs = samplesA.Where(s => byIdB.ContainsKey(s.Id)).Select(s => (A: s, B: byIdB[s.Id])).ToList();
        var scorersA = suiteA.Scorers.Select(s => s.Id).ToList();
        var scorersB = suiteB.Scorers.Select(s => s.Id).ToList();
        var pairing = new SuitePairing(
            suiteA.Name,
            pairs.Count,
            onlyA.Count,
            onlyA.Take(SuitePairing.ListedIds).ToList(),
            onlyB.Count,
            onlyB.Take(SuitePairing.ListedIds).ToList(),
            FilesDiffer(suiteA, suiteB),
            scorersA.Except(scorersB, StringComparer.Ordinal).ToList(),
            scorersB.Except(scorersA, StringComparer.Ordinal).ToList())
        {
            EpochsA = suiteA.Epochs.Count,
            EpochsB = suiteB.Epochs.Count,
        };

        // A sample holds several epochs when either run ran more than one: the sample is the bootstrap's unit either way.
        var epochs = suiteA.Epochs.Count > 1 || suiteB.Epochs.Count > 1;
        // Metadata is read once per sample here: every scorer and group row reuses it (100,000 samples × 33 groups of
        // dictionary lookups otherwise cost more than all the resampling).
        var links = pairs.ConvertAll(p => ResamplingUnits.LinksOf(p.A.Metadata));
        var groupValues = suiteA.GroupBy.Select(key => pairs.ConvertAll(p => p.A.Metadata.GetValueOrDefault(key))).ToList();
        var rows = new List<CompareRow>();
        for (var i = 0; i < suiteA.Scorers.Count; i++)
        {
            var j = scorersB.IndexOf(suiteA.Scorers[i].Id);
            if (j < 0)
            {
                continue;
            }

            var scorer = suiteA.Scorers[i];
            var indices = Scored(pairs, i, j, out var excluded);
            var scored = indices.ConvertAll(k => (pairs[k].A.Scores[i]!.Score!, pairs[k].B.Scores[j]!.Score!));
            var overall = new RowSet(suiteA.Name, scorer, null, scored, excluded.Count, null, null, confidence, epochs) { Links = indices.ConvertAll(k => links[k]) };
            rows.AddRange(PairedRows.Rows(overall, metrics, options, seed));
            var populationA = scored.ConvertAll(p => p.Item1);
            var populationB = scored.ConvertAll(p => p.Item2);
            for (var g = 0; g < suiteA.GroupBy.Count; g++)
            {
                var key = suiteA.GroupBy[g];
                var values = groupValues[g];
                foreach (var group in Enumerable.Range(0, indices.Count).GroupBy(x => values[indices[x]]).Where(x => x.Key is not null).OrderBy(x => x.Key, StringComparer.Ordinal))
                {
                    var groupExcluded = excluded.Count(e => e.GetValueOrDefault(key) == group.Key);
                    var members = group.ToList();
                    var set = new RowSet(suiteA.Name, scorer, $"{key} = {group.Key}", members.ConvertAll(x => scored[x]), groupExcluded, populationA, populationB, confidence, epochs)
                    {
                        Links = members.ConvertAll(x => links[indices[x]]),
                    };
                    rows.AddRange(PairedRows.Rows(set, metrics, options, seed));
                }
            }
        }

        return (pairing, rows);
    }

    /// <summary>Logs before file hashes were recorded compare as equal: there is nothing to tell them apart by.</summary>
    private static bool FilesDiffer(SuiteHeader a, SuiteHeader b)
    {
        var hashesA = a.Files.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
        var hashesB = b.Files.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
        return hashesA.Count != hashesB.Count
            || hashesA.Any(f => !hashesB.TryGetValue(f.Key, out var other) || !string.Equals(other, f.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The indices of the pairs both runs scored with this scorer.</summary>
    private static List<int> Scored(List<(SampleOutcome A, SampleOutcome B)> pairs, int i, int j, out List<IReadOnlyDictionary<string, string>> excluded)
    {
        var scored = new List<int>();
        excluded = [];
        for (var k = 0; k < pairs.Count; k++)
        {
            var (a, b) = pairs[k];
            var scoreA = a.Scores[i];
            var scoreB = b.Scores[j];
            if (scoreA?.Score is not null && scoreB?.Score is not null)
            {
                scored.Add(k);
            }
            else if (Applies(scoreA) || Applies(scoreB))
            {
                // Scored (or meant to be) in one run but not the other: not a pair, but never dropped silently.
                excluded.Add(a.Metadata);
            }
        }

        return scored;
    }

    private static bool Applies(ScorerOutcome? outcome) => outcome is null || outcome.Score is not null || outcome.Unscorable;
}
