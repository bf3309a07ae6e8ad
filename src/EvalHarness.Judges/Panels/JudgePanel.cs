using System.Globalization;
using EvalHarness.Judges.Verdicts;

namespace EvalHarness.Judges.Panels;

/// <summary>Combines several judges' verdicts on one sample.</summary>
public static class JudgePanel
{
    /// <summary>
    /// Judges whose answer could not be read are left out of the vote (and counted in
    /// <see cref="PanelVerdict.Failed"/>); with no valid verdict at all the panel fails with the first judge's
    /// error. A majority needs strictly more than half of the valid verdicts: a tie is neither a pass nor a fail
    /// but the error "no majority: C 1, I 1".
    /// </summary>
    public static PanelVerdict Combine(IReadOnlyList<VerdictParse> verdicts, PanelVote vote, VerdictGrammar grammar)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(grammar);
        var valid = verdicts.Where(v => v.IsValid && v.Value is not null).ToList();
        var failed = verdicts.Count - valid.Count;
        var counts = Count(valid, grammar);
        if (valid.Count == 0)
        {
            var reason = verdicts.Count == 0
                ? "the panel has no judges"
                : $"no judge gave a usable verdict ({verdicts.Count} failed; first: {verdicts[0].Error})";
            return new PanelVerdict(null, null, reason, counts, 0, failed);
        }

        return vote switch
        {
            PanelVote.Majority => Majority(counts, valid.Count, failed),
            PanelVote.Mean => Mean(valid, counts, failed),
            PanelVote.All => Lowest(counts, valid.Count, failed),
            _ => throw new ArgumentOutOfRangeException(nameof(vote), vote, "unknown panel vote"),
        };
    }

    private static PanelVerdict Majority(List<PanelCount> counts, int valid, int failed)
    {
        var top = counts.MaxBy(c => c.Count)!;
        if (top.Count * 2 > valid)
        {
            return new PanelVerdict(top.Value, top.Label, null, counts, valid, failed);
        }

        var tally = string.Join(", ", counts.Select(c => $"{Name(c)} {c.Count.ToString(CultureInfo.InvariantCulture)}"));
        return new PanelVerdict(null, null, "no majority: " + tally, counts, valid, failed);
    }

    private static PanelVerdict Mean(List<VerdictParse> valid, List<PanelCount> counts, int failed)
    {
        var mean = valid.Average(v => v.Value!.Value);
        var label = counts.Count == 1 ? counts[0].Label : null;
        return new PanelVerdict(mean, label, null, counts, valid.Count, failed);
    }

    private static PanelVerdict Lowest(List<PanelCount> counts, int valid, int failed)
    {
        var lowest = counts.MinBy(c => c.Value)!;
        return new PanelVerdict(lowest.Value, lowest.Label, null, counts, valid, failed);
    }

    private static List<PanelCount> Count(List<VerdictParse> valid, VerdictGrammar grammar)
    {
        if (grammar is LabelsGrammar labels)
        {
            // Labels a caller built by hand that the rubric does not declare still count, after the declared ones.
            var order = labels.Labels.Select(l => l.Name).ToList();
            return valid
                .GroupBy(v => (v.Label, v.Value!.Value))
                .Select(g => new PanelCount(g.Key.Label, g.Key.Item2, g.Count()))
                .OrderBy(c => order.IndexOf(c.Label ?? string.Empty) is var i and >= 0 ? i : int.MaxValue)
                .ThenBy(c => c.Value)
                .ToList();
        }

        return valid
            .GroupBy(v => v.Value!.Value)
            .Select(g => new PanelCount(null, g.Key, g.Count()))
            .OrderBy(c => c.Value)
            .ToList();
    }

    private static string Name(PanelCount count) => count.Label ?? count.Value.ToString(CultureInfo.InvariantCulture);
}
