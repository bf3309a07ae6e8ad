using System.Text.Json.Nodes;
using EvalHarness.Scorers.Similarity;

namespace EvalHarness.Scorers.Similarity.ChrF;

/// <summary>
/// chrF's sufficient statistics, sacreBLEU's layout: for each character order 1..CharOrder, then each
/// word order 1..WordOrder, the triple [hypothesis n-grams, reference n-grams, matches], where the
/// hypothesis count is 0 when the reference has no n-gram of that order. A corpus's statistics are
/// the sums of its segments'.
/// </summary>
public sealed class ChrFStatistics
{
    public ChrFStatistics(int charOrder, int wordOrder, IReadOnlyList<long> values)
    {
        if (charOrder < 0 || wordOrder < 0 || values.Count != 3 * (charOrder + wordOrder))
        {
            throw new ArgumentException("three values per character and word order are required", nameof(values));
        }

        CharOrder = charOrder;
        WordOrder = wordOrder;
        Values = values;
    }

    public int CharOrder { get; }

    public int WordOrder { get; }

    public IReadOnlyList<long> Values { get; }

    /// <summary>The corpus statistics of these segments (null when there are none).</summary>
    public static ChrFStatistics? Sum(IEnumerable<ChrFStatistics> segments)
    {
        long[]? sums = null;
        int charOrder = 0, wordOrder = 0;
        foreach (var s in segments)
        {
            if (sums is null)
            {
                sums = new long[s.Values.Count];
                (charOrder, wordOrder) = (s.CharOrder, s.WordOrder);
            }
            else if (s.CharOrder != charOrder || s.WordOrder != wordOrder)
            {
                throw new ArgumentException("segments with different n-gram orders cannot be summed", nameof(segments));
            }

            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += s.Values[i];
            }
        }

        return sums is null ? null : new ChrFStatistics(charOrder, wordOrder, sums);
    }

    /// <summary>Writes the statistics into a score's metadata, where <see cref="CorpusChrFMetric"/> finds them.</summary>
    public void WriteTo(JsonObject metadata)
    {
        metadata["char_order"] = CharOrder;
        metadata["word_order"] = WordOrder;
        metadata["stats"] = JsonStatistics.Array(Values);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote (also after a round trip through the run log).</summary>
    public static ChrFStatistics? ReadFrom(JsonObject? metadata)
    {
        if (metadata is null
            || !JsonStatistics.TryReadLong(metadata["char_order"], out var charOrder)
            || !JsonStatistics.TryReadLong(metadata["word_order"], out var wordOrder)
            || charOrder is < 0 or > 100 || wordOrder is < 0 or > 100
            || JsonStatistics.ReadLongs(metadata["stats"]) is not { } values
            || values.Length != 3 * (charOrder + wordOrder))
        {
            return null;
        }

        return new ChrFStatistics((int)charOrder, (int)wordOrder, values);
    }
}
