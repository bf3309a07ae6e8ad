using EvalHarness.Scorers.Similarity;
using EvalHarness.Scorers.Tokenization;
using EvalHarness.Tokenization;

namespace EvalHarness.Scorers.Similarity.Bleu;

/// <summary>
/// BLEU exactly as sacreBLEU 2.6.0 computes it (<c>BLEU.compute_bleu</c>, exponential smoothing):
/// segments are right-stripped and tokenized, n-grams (n = 1..4) are counted over the tokens,
/// hypothesis counts are clipped by the largest count in any one reference, and the reference length
/// is the one closest to the hypothesis length (the shorter on a tie).
/// </summary>
public static class SacreBleu
{
    public const int MaxNGramOrder = 4;

    /// <summary>sacreBLEU's <c>my_log(0)</c>: a finite stand-in for log 0, so one zero precision zeroes the score.</summary>
    private const double LogOfZero = -9999999999;

    /// <summary>A segment's tokens as BLEU sees them: the tokenizer applied to the right-stripped line.</summary>
    public static List<string> Tokenize(IMetricTokenizer tokenizer, string segment) => tokenizer.Tokenize(PythonWhitespace.RStrip(segment));

    /// <summary><c>BLEU(tokenize=…, effective_order=True).sentence_score(hypothesis, references)</c>.</summary>
    public static BleuScore SentenceScore(string hypothesis, IReadOnlyList<string> references, IMetricTokenizer tokenizer) =>
        Compute(SegmentStatistics(hypothesis, references, tokenizer), effectiveOrder: true);

    /// <summary><c>BLEU(tokenize=…).corpus_score(hypotheses, [references])</c> with one reference per segment.</summary>
    public static BleuScore CorpusScore(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references, IMetricTokenizer tokenizer)
    {
        if (hypotheses.Count != references.Count || hypotheses.Count == 0)
        {
            throw new ArgumentException("one reference per hypothesis, and at least one pair, is required", nameof(references));
        }

        var segments = new BleuStatistics[hypotheses.Count];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = SegmentStatistics(hypotheses[i], [references[i]], tokenizer);
        }

        return Compute(BleuStatistics.Sum(segments)!, effectiveOrder: false);
    }

    public static BleuStatistics SegmentStatistics(string hypothesis, IReadOnlyList<string> references, IMetricTokenizer tokenizer)
    {
        var referenceTokens = new List<string>[references.Count];
        for (var i = 0; i < referenceTokens.Length; i++)
        {
            referenceTokens[i] = Tokenize(tokenizer, references[i]);
        }

        return Statistics(Tokenize(tokenizer, hypothesis), referenceTokens);
    }

    /// <summary>The statistics of one tokenized segment against its tokenized references.</summary>
    public static BleuStatistics Statistics(IReadOnlyList<string> hypothesis, IReadOnlyList<IReadOnlyList<string>> references, int maxOrder = MaxNGramOrder)
    {
        if (references.Count == 0)
        {
            throw new ArgumentException("at least one reference is required", nameof(references));
        }

        var ids = TokenIds.Current;
        var upcoming = hypothesis.Count;
        foreach (var reference in references)
        {
            upcoming += reference.Count;
        }

        ids.Prepare(upcoming);
        var matcher = NGramMatcher.Current;
        matcher.Reset();
        matcher.AppendTokens(hypothesis, ids);
        foreach (var reference in references)
        {
            matcher.AppendTokens(reference, ids);
        }

        var counts = new long[maxOrder];
        var totals = new long[maxOrder];
        Span<long> referenceTotals = maxOrder <= 32 ? stackalloc long[maxOrder] : new long[maxOrder];
        matcher.Count(maxOrder, totals, referenceTotals, counts);
        return new BleuStatistics(hypothesis.Count, ClosestReferenceLength(hypothesis.Count, references), counts, totals);
    }

    /// <summary>
    /// <c>BLEU.compute_bleu</c> with <c>smooth_method='exp'</c>: a zero count at order n gets the
    /// precision 100 / (2^k · total), k counting the zero orders so far. With
    /// <paramref name="effectiveOrder"/> the geometric mean stops at the last order that has n-grams
    /// (sentence BLEU); without it every order counts (corpus BLEU).
    /// </summary>
    public static BleuScore Compute(BleuStatistics statistics, bool effectiveOrder)
    {
        var order = statistics.MaxOrder;
        var counts = statistics.Counts;
        var totals = statistics.Totals;
        var sysLen = statistics.SysLen;
        var refLen = statistics.RefLen;
        var bp = sysLen < refLen ? (sysLen > 0 ? Math.Exp(1 - ((double)refLen / sysLen)) : 0.0) : 1.0;
        var precisions = new double[order];

        var anyMatch = false;
        for (var n = 0; n < order; n++)
        {
            anyMatch |= counts[n] != 0;
        }

        if (!anyMatch)
        {
            return new BleuScore(0.0, counts, totals, precisions, bp, sysLen, refLen);
        }

        var smooth = 1.0;
        var effective = order;
        for (var n = 1; n <= order; n++)
        {
            if (totals[n - 1] == 0)
            {
                break;
            }

            if (effectiveOrder)
            {
                effective = n;
            }

            if (counts[n - 1] == 0)
            {
                smooth *= 2;
                precisions[n - 1] = 100.0 / (smooth * totals[n - 1]);
            }
            else
            {
                precisions[n - 1] = 100.0 * counts[n - 1] / totals[n - 1];
            }
        }

        // Summed left to right as Python's sum() does (3.11 has no compensated float summation).
        var logSum = 0.0;
        for (var n = 0; n < effective; n++)
        {
            logSum += precisions[n] == 0 ? LogOfZero : Math.Log(precisions[n]);
        }

        return new BleuScore(bp * Math.Exp(logSum / effective), counts, totals, precisions, bp, sysLen, refLen);
    }

    private static long ClosestReferenceLength(int hypothesisLength, IReadOnlyList<IReadOnlyList<string>> references)
    {
        long closestDiff = -1, closestLen = -1;
        foreach (var reference in references)
        {
            long length = reference.Count;
            var diff = Math.Abs(hypothesisLength - length);
            if (closestDiff == -1 || diff < closestDiff)
            {
                closestDiff = diff;
                closestLen = length;
            }
            else if (diff == closestDiff && length < closestLen)
            {
                closestLen = length;
            }
        }

        return closestLen;
    }
}
