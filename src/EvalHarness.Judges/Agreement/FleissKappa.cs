namespace EvalHarness.Judges.Agreement;

/// <summary>
/// Fleiss' κ (Fleiss 1971) for a fixed number m of categorical ratings per item, such as a judge panel:
/// P_i = (Σ_j n_ij² − m) / (m(m − 1)), p_j = Σ_i n_ij / (N m), κ = (P̄ − P̄e) / (1 − P̄e) with
/// P̄ the mean of P_i and P̄e = Σ_j p_j².
/// </summary>
/// <remarks>
/// Each item lists its ratings; null is a missing rating (a judge whose answer had no verdict). m is the
/// largest number of ratings any item has, and items with fewer are excluded and counted, because the
/// formula assumes the same number of raters on every item.
/// </remarks>
public static class FleissKappa
{
    public static AgreementResult Compute(IReadOnlyList<IReadOnlyList<string?>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rated = items.Select(item => item.OfType<string>().ToList()).ToList();
        var m = rated.Count == 0 ? 0 : rated.Max(r => r.Count);
        var used = rated.Where(r => r.Count == m).ToList();
        var excluded = items.Count - used.Count;
        if (m < 2)
        {
            return AgreementResult.Undefined("Fleiss' κ needs at least two ratings per item", 0, items.Count);
        }

        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        double sumP = 0;
        foreach (var ratings in used)
        {
            double squares = 0;
            foreach (var group in ratings.GroupBy(r => r, StringComparer.Ordinal))
            {
                double count = group.Count();
                squares += count * count;
                totals[group.Key] = totals.GetValueOrDefault(group.Key) + count;
            }

            sumP += (squares - m) / (m * (m - 1.0));
        }

        var n = used.Count;
        var observed = sumP / n;
        var chance = totals.Values.Sum(t => (t / (n * (double)m)) * (t / (n * (double)m)));
        return chance >= 1
            ? AgreementResult.Undefined("κ is undefined: every rating is the same category, so chance agreement is already complete", n, excluded)
            : AgreementResult.Of((observed - chance) / (1 - chance), n, excluded);
    }
}
