using EvalHarness.Metrics;
using EvalHarness.Scorers.Similarity;

namespace EvalHarness.Scorers.Similarity.ChrF;

/// <summary>
/// Corpus chrF (or chrF++) as sacreBLEU's <c>corpus_score</c>: the n-gram statistics the <c>chrf</c>
/// scorer stored with every epoch score are summed over all samples and epochs and the F-score is
/// computed once, which is not the mean of sentence chrF. The interval is a percentile bootstrap over
/// samples.
/// </summary>
internal sealed class CorpusChrFMetric : IMetric
{
    public static CorpusChrFMetric Default { get; } = new();

    public string Name => "corpus_chrf";

    public string Description => "sacreBLEU corpus chrF/chrF++ (0-100) from the summed n-gram statistics of all samples; percentile bootstrap over samples (2000 resamples, seeded by --seed)";

    public MetricValue Compute(MetricInput input)
    {
        var vectors = new List<long[]>(input.Scores.Count);
        (int Char, int Word)? orders = null;
        foreach (var sample in input.Scores)
        {
            if (SampleVector(sample, ref orders) is { } vector)
            {
                vectors.Add(vector);
            }
        }

        if (vectors.Count == 0 || orders is not { } o)
        {
            return MetricValue.Empty;
        }

        double Score(long[] vector) => SacreChrF.Score(new ChrFStatistics(o.Char, o.Word, vector));
        return new MetricValue(
            Score(CorpusBootstrap.Total(vectors)),
            input.WithInterval ? CorpusBootstrap.Interval(vectors, Score, input.Seed, input.Confidence) : null,
            vectors.Count);
    }

    /// <summary>The sample's statistics summed over its epochs, or null when a score carries none.</summary>
    private static long[]? SampleVector(SampleScore sample, ref (int Char, int Word)? orders)
    {
        long[]? vector = null;
        foreach (var score in sample.EpochScores)
        {
            if (ChrFStatistics.ReadFrom(score.Metadata) is not { } statistics
                || (orders is { } o && (o.Char, o.Word) != (statistics.CharOrder, statistics.WordOrder)))
            {
                return null;
            }

            orders = (statistics.CharOrder, statistics.WordOrder);
            vector ??= new long[statistics.Values.Count];
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] += statistics.Values[i];
            }
        }

        return vector;
    }
}
