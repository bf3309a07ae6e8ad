using MathNet.Numerics.Distributions;

namespace EvalHarness.Statistics;

/// <summary>
/// The smallest difference in pass rates two models must have for a McNemar test on n paired pass/fail results to
/// detect it, two-sided at α with the given power. Uses Connor's (1987) normal-approximation sample size for
/// McNemar's test, n = (z₁₋α/₂·√ψ + z₁₋β·√(ψ − δ²))² / δ², where ψ = p₁₀ + p₀₁ is the expected proportion of
/// discordant pairs and δ = p₁₀ − p₀₁ the difference in pass rates, solved for δ:
/// (n + z_β²)·δ² − 2·z_α·√(nψ)·δ + (z_α² − z_β²)·ψ = 0, whose larger root is
/// δ = √ψ · (√n·z_α + z_β·√(n + z_β² − z_α²)) / (n + z_β²).
/// Assumptions: pairs are independent (one per sample, so epochs are averaged or the clusters are the samples);
/// ψ is known in advance (from a pilot or the observed discordance); the normal approximation holds, i.e. there are
/// enough discordant pairs (say nψ ≥ 10) — with fewer, the exact test is more conservative and the true minimum
/// difference is larger. δ cannot exceed ψ (every discordant pair favouring one model): a δ above ψ means no
/// difference is detectable, reported as null.
/// </summary>
public static class MinimumDetectableDifference
{
    public const string Formula = "Connor (1987): n = (z(1-a/2)*sqrt(psi) + z(power)*sqrt(psi - d^2))^2 / d^2, solved for d";

    public static DetectableDifference McNemar(int n, double discordantProportion, double alpha = 0.05, double power = 0.8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (discordantProportion is <= 0 or > 1 || double.IsNaN(discordantProportion))
        {
            throw new ArgumentOutOfRangeException(nameof(discordantProportion), discordantProportion, "the discordant proportion must be in (0, 1]");
        }

        if (alpha is <= 0 or >= 1 || double.IsNaN(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1)");
        }

        if (power is <= 0.5 or >= 1 || double.IsNaN(power))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "power must be in (0.5, 1)");
        }

        var zAlpha = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var zBeta = Normal.InvCDF(0, 1, power);
        var root = n + (zBeta * zBeta) - (zAlpha * zAlpha);
        double? delta = null;
        if (root >= 0)
        {
            var d = Math.Sqrt(discordantProportion) * ((Math.Sqrt(n) * zAlpha) + (zBeta * Math.Sqrt(root))) / (n + (zBeta * zBeta));
            delta = d <= discordantProportion ? d : null;
        }

        return new DetectableDifference(n, discordantProportion, alpha, power, delta, Formula);
    }
}
