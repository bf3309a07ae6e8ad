namespace EvalHarness.Comparison;

/// <summary>
/// xoshiro256** (Blackman and Vigna 2018), seeded through SplitMix64, with Lemire's unbiased bounded integers.
/// The paired bootstrap draws n × resamples indices (2·10⁸ for 100,000 samples and 2,000 resamples), and a seeded
/// <see cref="System.Random"/> (the legacy subtractive generator) costs several times as much per draw. Same seed,
/// same draws, on every platform.
/// </summary>
internal sealed class ResampleRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public ResampleRandom(int seed)
    {
        var x = (ulong)(uint)seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A uniform integer in [0, <paramref name="n"/>), n ≥ 1.</summary>
    public int Next(int n)
    {
        var m = (ulong)(uint)(NextUInt64() >> 32) * (uint)n;
        var low = (uint)m;
        if (low < (uint)n)
        {
            // Lemire (2019): reject the few low values that would make some results more likely than others.
            var threshold = (uint)-n % (uint)n;
            while (low < threshold)
            {
                m = (ulong)(uint)(NextUInt64() >> 32) * (uint)n;
                low = (uint)m;
            }
        }

        return (int)(m >> 32);
    }

    private ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
