using EvalHarness.Scorers.Similarity;
using EvalHarness.Scorers.Tokenization;

namespace EvalHarness.Scorers.Similarity.ChrF;

/// <summary>
/// chrF and chrF++ exactly as sacreBLEU 2.6.0's <c>CHRF</c> with its defaults (no lower-casing,
/// whitespace left out of character n-grams, <c>eps_smoothing=False</c>): character n-grams over code
/// points with all Python whitespace removed; for chrF++ also word n-grams over
/// <see cref="ChrFWords"/>. Precision and recall are averaged over the orders that have n-grams on
/// both sides (the "effective order"), then combined as F-beta.
/// </summary>
public static class SacreChrF
{
    public const int DefaultCharOrder = 6;
    public const int DefaultBeta = 2;

    /// <summary><c>CHRF(word_order=…).sentence_score(hypothesis, references)</c> on the 0–100 scale.</summary>
    public static double SentenceScore(string hypothesis, IReadOnlyList<string> references, int wordOrder = 0) =>
        Score(Statistics(hypothesis, references, DefaultCharOrder, wordOrder), DefaultBeta);

    /// <summary><c>CHRF(word_order=…).corpus_score(hypotheses, [references])</c> on the 0–100 scale.</summary>
    public static double CorpusScore(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references, int wordOrder = 0)
    {
        if (hypotheses.Count != references.Count || hypotheses.Count == 0)
        {
            throw new ArgumentException("one reference per hypothesis, and at least one pair, is required", nameof(references));
        }

        var segments = new ChrFStatistics[hypotheses.Count];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = Statistics(hypotheses[i], [references[i]], DefaultCharOrder, wordOrder);
        }

        return Score(ChrFStatistics.Sum(segments)!, DefaultBeta);
    }

    /// <summary>
    /// A segment's statistics. With several references, those of the reference with the best
    /// F-score (the first of equals), as sacreBLEU picks them.
    /// </summary>
    public static ChrFStatistics Statistics(string hypothesis, IReadOnlyList<string> references, int charOrder = DefaultCharOrder, int wordOrder = 0, int beta = DefaultBeta)
    {
        if (references.Count == 0)
        {
            throw new ArgumentException("at least one reference is required", nameof(references));
        }

        var hypothesisWords = wordOrder > 0 ? ChrFWords.Split(hypothesis) : null;
        long[]? best = null;
        var bestScore = -1.0;
        foreach (var reference in references)
        {
            var values = new long[3 * (charOrder + wordOrder)];
            CountCharacters(hypothesis, reference, charOrder, values);
            if (hypothesisWords is not null)
            {
                CountWords(hypothesisWords, ChrFWords.Split(reference), charOrder, wordOrder, values);
            }

            if (references.Count == 1)
            {
                return new ChrFStatistics(charOrder, wordOrder, values);
            }

            var score = FScore(values, beta);
            if (score > bestScore)
            {
                bestScore = score;
                best = values;
            }
        }

        return new ChrFStatistics(charOrder, wordOrder, best!);
    }

    /// <summary><c>CHRF._compute_f_score</c> without eps smoothing, on the 0–100 scale.</summary>
    public static double Score(ChrFStatistics statistics, int beta = DefaultBeta) => FScore(statistics.Values, beta);

    private static double FScore(IReadOnlyList<long> statistics, int beta)
    {
        var factor = beta * beta;
        var averagePrecision = 0.0;
        var averageRecall = 0.0;
        var effectiveOrder = 0;
        for (var i = 0; i + 2 < statistics.Count; i += 3)
        {
            var (hypothesis, reference, matches) = (statistics[i], statistics[i + 1], statistics[i + 2]);
            if (hypothesis > 0 && reference > 0)
            {
                averagePrecision += (double)matches / hypothesis;
                averageRecall += (double)matches / reference;
                effectiveOrder++;
            }
        }

        if (effectiveOrder == 0)
        {
            return 0.0;
        }

        averagePrecision /= effectiveOrder;
        averageRecall /= effectiveOrder;
        if (averagePrecision + averageRecall == 0)
        {
            return 0.0;
        }

        var score = (1 + factor) * averagePrecision * averageRecall;
        score /= (factor * averagePrecision) + averageRecall;
        return 100 * score;
    }

    private static void CountCharacters(string hypothesis, string reference, int charOrder, long[] values)
    {
        var matcher = NGramMatcher.Current;
        matcher.Reset();
        matcher.AppendCodePoints(hypothesis, skipWhitespace: true);
        matcher.AppendCodePoints(reference, skipWhitespace: true);
        Store(matcher, 0, charOrder, values);
    }

    private static void CountWords(List<string> hypothesisWords, List<string> referenceWords, int charOrder, int wordOrder, long[] values)
    {
        var ids = TokenIds.Current;
        ids.Prepare(hypothesisWords.Count + referenceWords.Count);
        var matcher = NGramMatcher.Current;
        matcher.Reset();
        matcher.AppendTokens(hypothesisWords, ids);
        matcher.AppendTokens(referenceWords, ids);
        Store(matcher, charOrder, wordOrder, values);
    }

    private static void Store(NGramMatcher matcher, int firstOrder, int orders, long[] values)
    {
        Span<long> counts = orders <= 32 ? stackalloc long[3 * orders] : new long[3 * orders];
        var hypothesis = counts[..orders];
        var reference = counts.Slice(orders, orders);
        var matches = counts[(2 * orders)..];
        matcher.Count(orders, hypothesis, reference, matches);
        for (var n = 0; n < orders; n++)
        {
            var at = 3 * (firstOrder + n);
            values[at] = reference[n] > 0 ? hypothesis[n] : 0;
            values[at + 1] = reference[n];
            values[at + 2] = matches[n];
        }
    }
}
