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
        var rows = new List<CompareRow>();
        for (var i = 0; i < suiteA.Scorers.Count; i++)
        {
            var j = scorersB.IndexOf(suiteA.Scorers[i].Id);
            if (j < 0)
            {
                continue;
            }

            var scorer = suiteA.Scorers[i];
            var scored = Scored(pairs, i, j, out var excluded);
            rows.AddRange(PairedRows.Rows(new RowSet(suiteA.Name, scorer, null, scored, excluded.Count, null, null, confidence, epochs), metrics, options, seed));
            var populationA = scored.ConvertAll(p => p.A);
            var populationB = scored.ConvertAll(p => p.B);
            foreach (var key in suiteA.GroupBy)
            {
                foreach (var group in scored.GroupBy(p => p.A.Metadata.GetValueOrDefault(key)).Where(g => g.Key is not null).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var groupExcluded = excluded.Count(e => e.GetValueOrDefault(key) == group.Key);
                    var set = new RowSet(suiteA.Name, scorer, $"{key} = {group.Key}", group.ToList(), groupExcluded, populationA, populationB, confidence, epochs);
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

    private static List<(SampleScore A, SampleScore B)> Scored(List<(SampleOutcome A, SampleOutcome B)> pairs, int i, int j, out List<IReadOnlyDictionary<string, string>> excluded)
    {
        var scored = new List<(SampleScore, SampleScore)>();
        excluded = [];
        foreach (var (a, b) in pairs)
        {
            var scoreA = a.Scores[i];
            var scoreB = b.Scores[j];
            if (scoreA?.Score is { } sa && scoreB?.Score is { } sb)
            {
                scored.Add((sa, sb));
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
