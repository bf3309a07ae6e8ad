namespace EvalHarness.Judges.Agreement;

/// <summary>
/// Cohen's κ between two raters (two judges, or a judge and a human), as scikit-learn's
/// <c>cohen_kappa_score</c> computes it: κ = 1 − Σ W·O / Σ W·E, with O the confusion matrix over the
/// categories, E = outer(row sums, column sums) / n, and W zero on the diagonal and 1 (unweighted),
/// |i − j| (linear) or (i − j)² (quadratic) off it, where i and j are the categories' positions.
/// </summary>
/// <remarks>
/// Items either rater left unrated (null: a judge error) are excluded and counted. Without explicit
/// categories, they are the sorted union of both raters' ratings (ordinal string order, or numeric order), as
/// in scikit-learn; weights then follow positions in that list, so pass the full scale (1..5) when some
/// rating never occurs and its distance matters.
/// </remarks>
public static class CohenKappa
{
    public static AgreementResult Compute(IReadOnlyList<string?> rater1, IReadOnlyList<string?> rater2, KappaWeighting weighting = KappaWeighting.Unweighted, IReadOnlyList<string>? categories = null) =>
        Compute(rater1, rater2, weighting, categories, StringComparer.Ordinal);

    public static AgreementResult Compute(IReadOnlyList<double?> rater1, IReadOnlyList<double?> rater2, KappaWeighting weighting = KappaWeighting.Unweighted, IReadOnlyList<double>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(rater1);
        ArgumentNullException.ThrowIfNull(rater2);
        return Compute(Box(rater1), Box(rater2), weighting, categories, Comparer<double>.Default);
    }

    private static object?[] Box(IReadOnlyList<double?> ratings) => ratings.Select(r => r is { } v ? (object)v : null).ToArray();

    private static AgreementResult Compute<T>(IReadOnlyList<object?> rater1, IReadOnlyList<object?> rater2, KappaWeighting weighting, IReadOnlyList<T>? categories, IComparer<T> order)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(rater1);
        ArgumentNullException.ThrowIfNull(rater2);
        if (rater1.Count != rater2.Count)
        {
            throw new ArgumentException($"the raters rated different numbers of items ({rater1.Count} and {rater2.Count})", nameof(rater2));
        }

        var pairs = new List<(T A, T B)>();
        for (var i = 0; i < rater1.Count; i++)
        {
            if (rater1[i] is T a && rater2[i] is T b)
            {
                pairs.Add((a, b));
            }
        }

        var excluded = rater1.Count - pairs.Count;
        if (pairs.Count == 0)
        {
            return AgreementResult.Undefined("no item was rated by both raters", 0, excluded);
        }

        var list = categories?.ToList() ?? pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().Order(order).ToList();
        var index = new Dictionary<T, int>();
        foreach (var category in list)
        {
            index.TryAdd(category, index.Count);
        }

        var k = list.Count;
        var confusion = new double[k, k];
        foreach (var (a, b) in pairs)
        {
            if (!index.TryGetValue(a, out var i) || !index.TryGetValue(b, out var j))
            {
                var stray = index.ContainsKey(a) ? b : a;
                return AgreementResult.Undefined($"the rating '{stray}' is not one of the categories given", pairs.Count, excluded);
            }

            confusion[i, j]++;
        }

        return FromConfusion(confusion, weighting, pairs.Count, excluded);
    }

    private static AgreementResult FromConfusion(double[,] confusion, KappaWeighting weighting, int n, int excluded)
    {
        var k = confusion.GetLength(0);
        var rows = new double[k];
        var columns = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                rows[i] += confusion[i, j];
                columns[j] += confusion[i, j];
            }
        }

        double observed = 0, expected = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var w = Weight(i, j, weighting);
                observed += w * confusion[i, j];
                expected += w * (rows[i] * columns[j] / n);
            }
        }

        // Both raters always chose one and the same category: agreement expected by chance is already total.
        return expected == 0
            ? AgreementResult.Undefined("κ is undefined: both raters gave every item the same single category, so chance agreement is already complete", n, excluded)
            : AgreementResult.Of(1 - (observed / expected), n, excluded);
    }

    private static double Weight(int i, int j, KappaWeighting weighting) => weighting switch
    {
        KappaWeighting.Unweighted => i == j ? 0 : 1,
        KappaWeighting.Linear => Math.Abs(i - j),
        KappaWeighting.Quadratic => (i - j) * (i - j),
        _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "unknown weighting"),
    };
}
