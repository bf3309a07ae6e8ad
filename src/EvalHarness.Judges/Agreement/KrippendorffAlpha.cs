namespace EvalHarness.Judges.Agreement;

/// <summary>
/// Krippendorff's α: α = 1 − D_o / D_e, computed from the coincidence matrix as in Krippendorff,
/// "Computing Krippendorff's Alpha-Reliability" (2011): α = 1 − (n − 1) Σ_u Σ_{i≠j} δ(v_ui, v_uj) / (m_u − 1)
/// ÷ Σ_c Σ_k n_c n_k δ(c, k), over the n values in units with at least two values.
/// </summary>
/// <remarks>
/// Each unit (sample) lists the values its raters gave; null is missing (a judge's unreadable answer), and a
/// unit left with fewer than two values cannot be paired and is excluded and counted. Any number of raters,
/// varying per unit, is fine.
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>Nominal α over labels.</summary>
    public static AgreementResult Compute(IReadOnlyList<IReadOnlyList<string?>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var values = units.Select(u => u.OfType<string>().ToList()).ToList();
        return Compute(values, (a, b) => string.Equals(a, b, StringComparison.Ordinal) ? 0 : 1, NominalExpected);
    }

    public static AgreementResult Compute(IReadOnlyList<IReadOnlyList<double?>> units, AlphaMetric metric)
    {
        ArgumentNullException.ThrowIfNull(units);
        var values = units.Select(u => u.Where(v => v is not null).Select(v => v!.Value).ToList()).ToList();
        return metric switch
        {
            AlphaMetric.Nominal => Compute(values, (a, b) => a == b ? 0 : 1, NominalExpected),
            AlphaMetric.Interval => Compute(values, (a, b) => (a - b) * (a - b), IntervalExpected),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
        };
    }

    private static AgreementResult Compute<T>(List<List<T>> units, Func<T, T, double> delta, Func<List<T>, double> expected)
    {
        var pairable = units.Where(u => u.Count >= 2).ToList();
        var excluded = units.Count - pairable.Count;
        if (pairable.Count == 0)
        {
            return AgreementResult.Undefined("no unit has two or more ratings to compare", 0, excluded);
        }

        double observed = 0;
        foreach (var unit in pairable)
        {
            double sum = 0;
            for (var i = 0; i < unit.Count; i++)
            {
                for (var j = 0; j < unit.Count; j++)
                {
                    if (i != j)
                    {
                        sum += delta(unit[i], unit[j]);
                    }
                }
            }

            observed += sum / (unit.Count - 1);
        }

        var all = pairable.SelectMany(u => u).ToList();
        var chance = expected(all);
        return chance == 0
            ? AgreementResult.Undefined("α is undefined: every rating has the same value, so there is no variation to agree on", pairable.Count, excluded)
            : AgreementResult.Of(1 - ((all.Count - 1) * observed / chance), pairable.Count, excluded);
    }

    /// <summary>Σ_c Σ_k n_c n_k δ(c, k) for δ = [c ≠ k]: n² − Σ n_c².</summary>
    private static double NominalExpected<T>(List<T> values)
    {
        double n = values.Count;
        var same = values.GroupBy(v => v).Sum(g => (double)g.Count() * g.Count());
        return (n * n) - same;
    }

    /// <summary>Σ_c Σ_k n_c n_k (c − k)² over all pairs of values = 2n Σ (x − mean)², computed around the mean for accuracy.</summary>
    private static double IntervalExpected(List<double> values)
    {
        var mean = values.Average();
        return 2.0 * values.Count * values.Sum(v => (v - mean) * (v - mean));
    }
}
