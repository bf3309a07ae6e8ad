using EvalHarness.Metrics;

namespace EvalHarness.Risk.Bias;

/// <summary>Two samples that differ in one attribute (metadata <c>pair_id</c>, <c>variant</c> a and b), with their reduced scores.</summary>
internal sealed record CounterfactualPair(string PairId, double A, double B)
{
    public const string PairIdKey = "pair_id";
    public const string VariantKey = "variant";
    public const string AttributeKey = "attribute";

    public double Difference => A - B;

    /// <summary>The complete pairs among the scores, ordered by pair id, and how many pair ids lacked a scored a or b.</summary>
    public static (List<CounterfactualPair> Pairs, int Incomplete) From(IEnumerable<SampleScore> scores)
    {
        var pairs = new List<CounterfactualPair>();
        var incomplete = 0;
        var groups = scores
            .Where(s => s.Metadata.ContainsKey(PairIdKey))
            .GroupBy(s => s.Metadata[PairIdKey], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var a = group.Where(s => Variant(s) == "a").ToList();
            var b = group.Where(s => Variant(s) == "b").ToList();
            if (a.Count == 1 && b.Count == 1)
            {
                pairs.Add(new CounterfactualPair(group.Key, a[0].Value, b[0].Value));
            }
            else
            {
                incomplete++;
            }
        }

        return (pairs, incomplete);
    }

    private static string? Variant(SampleScore score) =>
        score.Metadata.TryGetValue(VariantKey, out var variant) ? variant.Trim().ToLowerInvariant() : null;
}
