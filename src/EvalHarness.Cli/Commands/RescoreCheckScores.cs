using System.Text.Json.Nodes;
using EvalHarness.Logs;
using EvalHarness.Scoring;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Compares each recorded score of a deterministic scorer with the one computed again from the recorded answer,
/// and puts together the records the metrics are rebuilt from: re-computed scores, with judge verdicts (and what
/// could not be computed here) as recorded.
/// </summary>
internal static class RescoreCheckScores
{
    private const int ShownAnswerChars = 80;

    /// <param name="unavailable">Why a tokenizer a scorer needs cannot work on this machine (MeCab not installed); null when all work.</param>
    public static (IReadOnlyList<SampleRecord> Records, int Rescored) Compare(
        RunLog original,
        RunLog rescored,
        RescoreCheckScorers scorers,
        string? unavailable,
        List<RescoreFinding> differences,
        List<RescoreFinding> notChecked)
    {
        var records = new SampleRecord[original.Samples.Count];
        var rescoredCount = 0;
        var notRescored = new Dictionary<(string Suite, string Scorer), int>();
        for (var i = 0; i < records.Length; i++)
        {
            var recorded = original.Samples[i];
            var again = rescored.Samples[i];
            if (recorded.IsError || recorded.Output is null || recorded.Scores is null || again.Scores is not { Count: > 0 } computed)
            {
                records[i] = recorded;
                continue;
            }

            rescoredCount++;
            var scores = new Dictionary<string, Score>(StringComparer.Ordinal);
            foreach (var (id, score) in recorded.Scores)
            {
                if (scorers.FromLog.Contains((recorded.Suite, id)) || !computed.TryGetValue(id, out var now))
                {
                    scores[id] = score;
                }
                else if (unavailable is not null && score.Value is not null && now.Error?.Contains(unavailable, StringComparison.Ordinal) == true)
                {
                    scores[id] = score;
                    notRescored[(recorded.Suite, id)] = notRescored.GetValueOrDefault((recorded.Suite, id)) + 1;
                }
                else
                {
                    scores[id] = now;
                    if (Difference(score, now) is { } message)
                    {
                        differences.Add(new(RescoreFinding.Score, $"suite {recorded.Suite}, sample {recorded.Id}, epoch {recorded.Epoch}, scorer {id}", message));
                    }
                }
            }

            records[i] = recorded with { Scores = scores };
        }

        foreach (var ((suite, scorer), count) in notRescored)
        {
            notChecked.Add(new(RescoreFinding.NotChecked, $"suite {suite}, scorer {scorer}", $"not re-scored: {unavailable} (recorded scores used as they are: {count})"));
        }

        return (records, rescoredCount);
    }

    private static string? Difference(Score recorded, Score now)
    {
        if (!RescoreNumbers.Same(recorded.Value, now.Value) || (recorded.Value is null && (recorded.Error is null) != (now.Error is null)))
        {
            return $"recorded {Describe(recorded)}, re-computed {Describe(now)}";
        }

        if (!string.Equals(recorded.Answer, now.Answer, StringComparison.Ordinal))
        {
            return $"recorded answer {Quote(recorded.Answer)}, re-computed answer {Quote(now.Answer)}";
        }

        var keys = DifferentKeys(recorded, now);
        return keys.Count == 0 ? null : $"the same value, but the recorded {string.Join(", ", keys)} differ from the re-computed";
    }

    /// <summary>Sub-values and metadata feed corpus metrics (BLEU's n-gram counts) and reports, so they must agree too.</summary>
    private static List<string> DifferentKeys(Score recorded, Score now)
    {
        var keys = new List<string>();
        var before = recorded.Values ?? new Dictionary<string, double>();
        var after = now.Values ?? new Dictionary<string, double>();
        keys.AddRange(before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || !RescoreNumbers.Same(b, a))
            .Select(k => "values." + k));
        var metaBefore = recorded.Metadata ?? new JsonObject();
        var metaAfter = now.Metadata ?? new JsonObject();
        keys.AddRange(metaBefore.Select(p => p.Key).Union(metaAfter.Select(p => p.Key))
            .Where(k => metaBefore[k]?.ToJsonString() != metaAfter[k]?.ToJsonString())
            .Select(k => "metadata." + k));
        return keys;
    }

    private static string Describe(Score score) => score.Value is not null
        ? $"value {RescoreNumbers.Show(score.Value)}"
        : score.Error is null ? "no value" : $"unscorable ({score.Error})";

    private static string Quote(string? text) => text is null
        ? "none"
        : "'" + (text.Length > ShownAnswerChars ? text[..ShownAnswerChars] + "…" : text) + "'";
}
