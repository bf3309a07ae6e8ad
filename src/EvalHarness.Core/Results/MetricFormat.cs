using System.Globalization;

namespace EvalHarness.Results;

/// <summary>How metric values read for people: rates as percentages, other values to four decimals.</summary>
public static class MetricFormat
{
    /// <param name="proportion">The metric is a rate (its declared meaning), shown as a percentage.</param>
    public static string Value(bool proportion, double? value) => value is not { } v
        ? "–"
        : proportion
            ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%"
            : v.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Interval(bool proportion, double? low, double? high) => low is null || high is null
        ? "–"
        : $"[{Value(proportion, low)}, {Value(proportion, high)}]";

    /// <summary>A signed difference; for rates in percentage points, since "+5%" would read as relative.</summary>
    public static string Delta(bool proportion, double? delta)
    {
        if (delta is not { } d)
        {
            return "–";
        }

        var sign = d > 0 ? "+" : d < 0 ? "-" : string.Empty;
        return proportion
            ? sign + (Math.Abs(d) * 100).ToString("0.0", CultureInfo.InvariantCulture) + " pp"
            : sign + Math.Abs(d).ToString("0.####", CultureInfo.InvariantCulture);
    }
}
