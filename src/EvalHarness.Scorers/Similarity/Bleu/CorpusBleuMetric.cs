using EvalHarness.Metrics;
using EvalHarness.Scorers.Similarity;

namespace EvalHarness.Scorers.Similarity.Bleu;

/// <summary>
/// Corpus BLEU as sacreBLEU's <c>corpus_score</c> (exponential smoothing, effective order off) over
/// the statistics the <c>bleu</c> scorer stored with every epoch score: the statistics of all samples
/// and epochs are summed and BLEU computed once, which is not the mean of sentence BLEU. The
/// interval is a percentile bootstrap over samples.
/// </summary>
internal sealed class CorpusBleuMetric : IMetric
{
    public static CorpusBleuMetric Default { get; } = new();

    public string Name => "corpus_bleu";

    public string Description => "sacreBLEU corpus BLEU (0-100) from the summed n-gram statistics of all samples; percentile bootstrap over samples (2000 resamples, seeded by --seed)";

    public MetricValue Compute(MetricInput input)
    {
        var vectors = new List<long[]>(input.Scores.Count);
        var order = 0;
        foreach (var sample in input.Scores)
        {
            if (SampleVector(sample, ref order) is { } vector)
            {
                vectors.Add(vector);
            }
        }

        if (vectors.Count == 0)
        {
            return MetricValue.Empty;
        }

        return new MetricValue(
            Score(CorpusBootstrap.Total(vectors)),
            input.WithInterval ? CorpusBootstrap.Interval(vectors, Score, input.Seed, input.Confidence) : null,
            vectors.Count);
    }

    /// <summary>Corpus BLEU of summed statistics laid out as [sys_len, ref_len, counts…, totals…].</summary>
    private static double Score(long[] vector)
    {
        var order = (vector.Length - 2) / 2;
        var statistics = new BleuStatistics(vector[0], vector[1], vector[2..(2 + order)], vector[(2 + order)..]);
        return SacreBleu.Compute(statistics, effectiveOrder: false).Score;
    }

    /// <summary>
    /// The sample's statistics summed over its epochs (each epoch's output is one more segment of the
    /// corpus), or null when a score carries none (the metric was put on another scorer).
    /// </summary>
    private static long[]? SampleVector(SampleScore sample, ref int order)
    {
        long[]? vector = null;
        foreach (var score in sample.EpochScores)
        {
            if (BleuStatistics.ReadFrom(score.Metadata) is not { } statistics || (order != 0 && statistics.MaxOrder != order))
            {
                return null;
            }

            order = statistics.MaxOrder;
            vector ??= new long[2 + (2 * order)];
            vector[0] += statistics.SysLen;
            vector[1] += statistics.RefLen;
            for (var n = 0; n < order; n++)
            {
                vector[2 + n] += statistics.Counts[n];
                vector[2 + order + n] += statistics.Totals[n];
            }
        }

        return vector;
    }
}
