namespace EvalHarness.Metrics;

/// <summary>The built-in epoch reducers, registered by the core pack.</summary>
internal static class ScoreReducers
{
    private static readonly IScoreReducer[] BuiltIn =
    [
        new DelegateReducer("mean", "average over epochs", v => Intervals.Mean(v)),
        new DelegateReducer("median", "median over epochs", Median),
        new DelegateReducer("mode", "most frequent value (ties: the one seen first)", Mode),
        new DelegateReducer("max", "best epoch", v => v.Max()),
        new DelegateReducer("min", "worst epoch", v => v.Min()),
        new DelegateReducer("all", "1 when every epoch scored 1, else 0", v => v.All(x => x >= 1) ? 1 : 0),
        new DelegateReducer("any", "1 when at least one epoch scored 1, else 0", v => v.Any(x => x >= 1) ? 1 : 0),
    ];

    public static IEnumerable<IScoreReducer> All => BuiltIn;

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double Mode(IReadOnlyList<double> values)
    {
        var best = values[0];
        var bestCount = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var count = 0;
            for (var j = 0; j < values.Count; j++)
            {
                if (values[j].Equals(values[i]))
                {
                    count++;
                }
            }

            if (count > bestCount)
            {
                best = values[i];
                bestCount = count;
            }
        }

        return best;
    }

    private sealed class DelegateReducer(string name, string description, Func<IReadOnlyList<double>, double> reduce) : IScoreReducer
    {
        public string Name => name;

        public string Description => description;

        public double Reduce(IReadOnlyList<double> epochValues) => reduce(epochValues);
    }
}
