namespace EvalHarness.Statistics;

/// <summary>
/// An exact McNemar test of paired pass/fail results: <paramref name="B"/> pairs where only the first passed,
/// <paramref name="C"/> where only the second did (the concordant pairs carry no information), the exact two-sided
/// p (statsmodels' <c>mcnemar(exact=True)</c>) and the less conservative mid-p.
/// </summary>
public sealed record McNemarResult(int B, int C, double PValue, double MidPValue)
{
    /// <summary>The discordant pairs, b + c.</summary>
    public int Discordant => B + C;

    /// <summary>statsmodels' statistic: min(b, c).</summary>
    public int Statistic => Math.Min(B, C);
}
