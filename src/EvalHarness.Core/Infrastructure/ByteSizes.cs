using System.Globalization;

namespace EvalHarness.Infrastructure;

/// <summary>Sizes as people write them: <c>4MB</c>, <c>512KiB</c>, <c>1G</c>, <c>65536</c>; units are powers of 1024.</summary>
public static class ByteSizes
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("GiB", 1L << 30), ("GB", 1L << 30), ("G", 1L << 30),
        ("MiB", 1L << 20), ("MB", 1L << 20), ("M", 1L << 20),
        ("KiB", 1L << 10), ("KB", 1L << 10), ("K", 1L << 10),
        ("B", 1),
    ];

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        var factor = 1L;
        foreach (var (suffix, unitFactor) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }

        // Compared before multiplying: decimal throws on overflow rather than saturating.
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount > long.MaxValue / factor)
        {
            return false;
        }

        var value = amount * factor;
        if (value < 1)
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }

    /// <summary>The largest unit that keeps the number readable: "4 MB", "1.25 GB", "700 bytes".</summary>
    public static string Format(long bytes)
    {
        foreach (var (suffix, factor) in new[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10) })
        {
            if (bytes >= factor)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)factor:0.##} {suffix}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
    }
}
