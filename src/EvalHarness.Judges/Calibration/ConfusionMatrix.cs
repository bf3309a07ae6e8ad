namespace EvalHarness.Judges.Calibration;

/// <summary>Items per pair of verdicts: the human's label as the row, the judge's as the column, both in the rubric's order.</summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    public static ConfusionMatrix Of(IReadOnlyList<string> labels, IEnumerable<(string Human, string Judge)> pairs)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(pairs);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var counts = new int[labels.Count][];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = new int[labels.Count];
        }

        foreach (var (human, judge) in pairs)
        {
            counts[index[human]][index[judge]]++;
        }

        return new ConfusionMatrix(labels, counts);
    }

    /// <summary>The counts as the agreement statistics take them.</summary>
    public double[,] ToArray()
    {
        var k = Labels.Count;
        var array = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                array[i, j] = Counts[i][j];
            }
        }

        return array;
    }
}
