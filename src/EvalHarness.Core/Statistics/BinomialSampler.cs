using MathNet.Numerics;

namespace EvalHarness.Statistics;

/// <summary>
/// Exact draws from Binomial(n, p) by inversion: from zero when the mean is small, otherwise outward from the mode,
/// alternating sides, so a draw costs about as many steps as the standard deviation rather than n. Any fixed order of
/// the support gives an exact inversion sampler; this order only makes it short.
/// </summary>
internal static class BinomialSampler
{
    private const double SmallMean = 30;

    public static int Sample(Random random, int n, double p)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        // Work with the smaller tail so the recurrences below never divide by a vanishing probability.
        return p > 0.5 ? n - Draw(random, n, 1 - p) : Draw(random, n, p);
    }

    private static int Draw(Random random, int n, double p)
    {
        var q = 1 - p;
        return n * p < SmallMean ? FromZero(random, n, p, q) : FromMode(random, n, p, q);
    }

    private static int FromZero(Random random, int n, double p, double q)
    {
        var ratio = p / q;
        var probability = Math.Pow(q, n);
        var u = random.NextDouble();
        var k = 0;
        while (u >= probability && k < n)
        {
            u -= probability;
            probability *= ratio * (n - k) / (k + 1);
            k++;
        }

        return k;
    }

    private static int FromMode(Random random, int n, double p, double q)
    {
        var mode = (int)Math.Floor((n + 1) * p);
        mode = Math.Min(mode, n);
        var atMode = Math.Exp(SpecialFunctions.GammaLn(n + 1) - SpecialFunctions.GammaLn(mode + 1) - SpecialFunctions.GammaLn(n - mode + 1)
            + (mode * Math.Log(p)) + ((n - mode) * Math.Log(q)));
        var u = random.NextDouble() - atMode;
        if (u < 0)
        {
            return mode;
        }

        int down = mode, up = mode;
        double below = atMode, above = atMode;
        while (down > 0 || up < n)
        {
            if (down > 0)
            {
                // P(k − 1) = P(k) · k / (n − k + 1) · q / p
                below *= down / (double)(n - down + 1) * q / p;
                down--;
                u -= below;
                if (u < 0)
                {
                    return down;
                }
            }

            if (up < n)
            {
                // P(k + 1) = P(k) · (n − k) / (k + 1) · p / q
                above *= (n - up) / (double)(up + 1) * p / q;
                up++;
                u -= above;
                if (u < 0)
                {
                    return up;
                }
            }
        }

        // Only rounding leaves mass unassigned: the mode is the likeliest place for it.
        return mode;
    }
}
