using System.Globalization;
using EvalHarness.Results;

namespace EvalHarness.Comparison;

/// <summary>
/// How comparison figures read in the console, Markdown and HTML alike: values as the results show them (rates as
/// percentages), differences and their interval in percentage points for rates, p-values to four decimals, and the
/// significance marker.
/// </summary>
public static class CompareFormat
{
    public const string Undefined = "—";

    /// <summary>Marks a row whose adjusted p-value is below α.</summary>
    public const string Marker = "*";

    public static string Value(CompareRow row, double? value) => value is null ? Undefined : MetricFormat.Value(row.Proportion, value);

    /// <summary>B − A with its 95% interval: "-30.0 pp [-44.0, -17.5]" for a rate, "+0.1234 [0.05, 0.2]" otherwise.</summary>
    public static string Difference(CompareRow row)
    {
        if (row.Difference is not { } d)
        {
            return Undefined;
        }

        var interval = row.Lower is { } low && row.Upper is { } high ? $" [{Signed(row.Proportion, low)}, {Signed(row.Proportion, high)}]" : string.Empty;
        return Signed(row.Proportion, d) + (row.Proportion ? " pp" : string.Empty) + interval;
    }

    /// <summary>The minimum detectable difference, in points for a rate.</summary>
    public static string Detectable(CompareRow row) => row.DetectableDifference is not { } d
        ? Undefined
        : row.Proportion ? (d * 100).ToString("0.0", CultureInfo.InvariantCulture) + " pp" : d.ToString("0.####", CultureInfo.InvariantCulture);

    public static string PValue(double? p) => p switch
    {
        null => Undefined,
        < 0.0001 => "<0.0001",
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    /// <summary>The adjusted p-value with the marker when significant.</summary>
    public static string Adjusted(CompareRow row) => PValue(row.AdjustedPValue) + (row.Significant ? " " + Marker : string.Empty);

    /// <summary>"holm" → "Holm", "fdr_bh" → "Benjamini–Hochberg".</summary>
    public static string Correction(string method) => method == Statistics.MultipleTesting.BenjaminiHochbergMethod ? "Benjamini–Hochberg" : "Holm";

    /// <summary>
    /// When every bootstrap p-value is at least 2/(R + 1), Holm multiplies the smallest by the family size m: with
    /// m·2/(R + 1) ≥ α no bootstrap row can be significant however large its change. Null when that is not the case.
    /// </summary>
    public static int? ResamplesNeeded(RunPairComparison comparison)
    {
        var m = comparison.Tested;
        var floor = 2.0 / (comparison.Resamples + 1);
        var reachable = comparison.Options.Correction == Statistics.MultipleTesting.BenjaminiHochbergMethod ? floor : m * floor;
        if (!comparison.Rows.Any(r => r.Test == PairedRows.Bootstrap && r.PValue is not null) || reachable < comparison.Options.Alpha)
        {
            return null;
        }

        // Smallest R with m·2/(R + 1) < α.
        return (int)Math.Floor(2.0 * m / comparison.Options.Alpha);
    }

    private static string Signed(bool proportion, double value) => proportion
        ? (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)
        : value.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture);
}
