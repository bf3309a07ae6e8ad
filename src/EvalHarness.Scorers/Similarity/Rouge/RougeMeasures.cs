using EvalHarness.Scorers.Similarity;

namespace EvalHarness.Scorers.Similarity.Rouge;

/// <summary>
/// ROUGE-N and ROUGE-L with rouge-score's definitions (<c>_score_ngrams</c>, <c>_score_lcs</c>,
/// <c>scoring.fmeasure</c>; no stemming) over tokens the caller provides. The reference is
/// rouge-score's target, the hypothesis its prediction.
/// </summary>
public static class RougeMeasures
{
    /// <summary>
    /// ROUGE-N: overlap = Σ min(reference count, hypothesis count) over n-grams;
    /// P = overlap / max(#hypothesis n-grams, 1), R = overlap / max(#reference n-grams, 1).
    /// A text shorter than n has no n-grams, so two identical one-token texts get ROUGE-2 = 0.
    /// </summary>
    public static RougeScore N(IReadOnlyList<string> hypothesis, IReadOnlyList<string> reference, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var ids = TokenIds.Current;
        ids.Prepare(hypothesis.Count + reference.Count);
        var matcher = NGramMatcher.Current;
        matcher.Reset();
        matcher.AppendTokens(hypothesis, ids);
        matcher.AppendTokens(reference, ids);
        Span<long> counts = n <= 32 ? stackalloc long[3 * n] : new long[3 * n];
        matcher.Count(n, counts[..n], counts.Slice(n, n), counts[(2 * n)..]);
        var (hypothesisCount, referenceCount, overlap) = (counts[n - 1], counts[(2 * n) - 1], counts[(3 * n) - 1]);
        var precision = overlap / (double)Math.Max(hypothesisCount, 1);
        var recall = overlap / (double)Math.Max(referenceCount, 1);
        return new RougeScore(precision, recall, FMeasure(precision, recall), overlap, hypothesisCount, referenceCount);
    }

    /// <summary>ROUGE-L (sentence level, not rougeLsum): P = LCS / #hypothesis, R = LCS / #reference; 0 when either is empty.</summary>
    public static RougeScore L(IReadOnlyList<string> hypothesis, IReadOnlyList<string> reference)
    {
        if (hypothesis.Count == 0 || reference.Count == 0)
        {
            return new RougeScore(0, 0, 0, 0, hypothesis.Count, reference.Count);
        }

        var lcs = LongestCommonSubsequence(hypothesis, reference);
        var precision = lcs / (double)hypothesis.Count;
        var recall = lcs / (double)reference.Count;
        return new RougeScore(precision, recall, FMeasure(precision, recall), lcs, hypothesis.Count, reference.Count);
    }

    /// <summary><c>scoring.fmeasure</c>: 2PR / (P + R), 0 when both are 0.</summary>
    public static double FMeasure(double precision, double recall) =>
        precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;

    private static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var ids = TokenIds.Current;
        ids.Prepare(a.Count + b.Count);
        var left = new int[a.Count];
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = ids.Of(a[i]);
        }

        var right = new int[b.Count];
        for (var j = 0; j < right.Length; j++)
        {
            right[j] = ids.Of(b[j]);
        }

        // One row of the dynamic-programming table: row[j] = LCS(a[..i], b[..j]).
        var row = new int[right.Length + 1];
        for (var i = 0; i < left.Length; i++)
        {
            var diagonal = 0;
            for (var j = 1; j <= right.Length; j++)
            {
                var above = row[j];
                row[j] = left[i] == right[j - 1] ? diagonal + 1 : Math.Max(above, row[j - 1]);
                diagonal = above;
            }
        }

        return row[^1];
    }
}
