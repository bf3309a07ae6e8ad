using System.Text.Json.Nodes;
using EvalHarness.Scorers.Similarity;

namespace EvalHarness.Scorers.Similarity.Bleu;

/// <summary>
/// BLEU's sufficient statistics, sacreBLEU's stats list: hypothesis length, (closest) reference
/// length, and for n = 1..4 the clipped matching n-grams (counts) and hypothesis n-grams (totals).
/// A corpus's statistics are the sums of its segments'.
/// </summary>
public sealed class BleuStatistics
{
    public BleuStatistics(long sysLen, long refLen, IReadOnlyList<long> counts, IReadOnlyList<long> totals)
    {
        if (counts.Count != totals.Count || counts.Count == 0)
        {
            throw new ArgumentException("counts and totals must have one entry per n-gram order", nameof(counts));
        }

        SysLen = sysLen;
        RefLen = refLen;
        Counts = counts;
        Totals = totals;
    }

    public long SysLen { get; }

    public long RefLen { get; }

    public IReadOnlyList<long> Counts { get; }

    public IReadOnlyList<long> Totals { get; }

    public int MaxOrder => Counts.Count;

    /// <summary>The corpus statistics of these segments (null when there are none).</summary>
    public static BleuStatistics? Sum(IEnumerable<BleuStatistics> segments)
    {
        long[]? counts = null, totals = null;
        long sysLen = 0, refLen = 0;
        foreach (var s in segments)
        {
            counts ??= new long[s.MaxOrder];
            totals ??= new long[s.MaxOrder];
            if (s.MaxOrder != counts.Length)
            {
                throw new ArgumentException("segments with different n-gram orders cannot be summed", nameof(segments));
            }

            sysLen += s.SysLen;
            refLen += s.RefLen;
            for (var n = 0; n < counts.Length; n++)
            {
                counts[n] += s.Counts[n];
                totals[n] += s.Totals[n];
            }
        }

        return counts is null ? null : new BleuStatistics(sysLen, refLen, counts, totals!);
    }

    /// <summary>Writes the statistics into a score's metadata, where <see cref="CorpusBleuMetric"/> finds them.</summary>
    public void WriteTo(JsonObject metadata)
    {
        metadata["sys_len"] = SysLen;
        metadata["ref_len"] = RefLen;
        metadata["counts"] = JsonStatistics.Array(Counts);
        metadata["totals"] = JsonStatistics.Array(Totals);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote (also after a round trip through the run log).</summary>
    public static BleuStatistics? ReadFrom(JsonObject? metadata)
    {
        if (metadata is null
            || !JsonStatistics.TryReadLong(metadata["sys_len"], out var sysLen)
            || !JsonStatistics.TryReadLong(metadata["ref_len"], out var refLen)
            || JsonStatistics.ReadLongs(metadata["counts"]) is not { Length: > 0 } counts
            || JsonStatistics.ReadLongs(metadata["totals"]) is not { } totals
            || totals.Length != counts.Length)
        {
            return null;
        }

        return new BleuStatistics(sysLen, refLen, counts, totals);
    }
}
