using System.Globalization;

namespace EvalHarness.Metrics;

/// <summary>
/// The interval methods metrics use, by the short name <see cref="ConfidenceInterval.Method"/> records, and how a
/// report names them. Every interval treats the sample as the unit: epochs are reduced (or tallied) within their sample
/// before any interval is formed, so repeating epochs never narrows an interval as if they were new samples.
/// </summary>
public static class IntervalMethods
{
    public const string Wilson = "wilson";

    public const string StudentT = "t";

    public const string Bootstrap = "bootstrap";

    /// <summary>Resamples of every bootstrap interval the harness computes (seeded by the run's seed).</summary>
    public const int BootstrapResamples = 2000;

    /// <summary>A short label for a table cell ("Wilson", "t", "bootstrap ×2000"); the method's own name when unknown.</summary>
    public static string Label(string? method, int? resamples = null) => method switch
    {
        null => "–",
        Wilson => "Wilson",
        StudentT => "t",
        Bootstrap => resamples is { } r ? "bootstrap ×" + r.ToString(CultureInfo.InvariantCulture) : "bootstrap",
        _ => method,
    };

    /// <summary>The method in a sentence, for a report's note on how its intervals were made.</summary>
    public static string Describe(string? method, int? resamples, int seed) => method switch
    {
        null => "no interval",
        Wilson => "Wilson score interval over samples",
        StudentT => "Student t interval of the mean over samples",
        Bootstrap => string.Create(
            CultureInfo.InvariantCulture,
            $"percentile bootstrap, {resamples ?? BootstrapResamples} resamples of samples (each with all its epochs), seed {seed}"),
        _ => method,
    };
}
