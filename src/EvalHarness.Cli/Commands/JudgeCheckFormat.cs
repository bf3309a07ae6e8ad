using System.Globalization;
using EvalHarness.Judges.Agreement;
using EvalHarness.Judges.Calibration;
using EvalHarness.Metrics;

namespace EvalHarness.Cli.Commands;

/// <summary>Numbers and words of a judge check, the same on the console and in the Markdown report.</summary>
internal static class JudgeCheckFormat
{
    /// <summary>Said wherever κ is shown: why it is per rubric, and how it weighs disagreements.</summary>
    public const string KappaMeaning =
        "Cohen's κ compares the judge's verdicts with the human labels beyond chance agreement; it is computed per rubric (unweighted for labels, quadratic-weighted for rating scales) and never pooled across rubrics, whose label sets differ.";

    public static string IntervalMeaning(double confidence) =>
        $"Intervals are {Percent(confidence)}: Wilson score intervals for accuracy; for κ, the {CohenKappaInterval.Method}.";

    public static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? Number(v) : "—";

    public static string Interval(ConfidenceInterval? interval) => interval is null ? "—" : $"[{Number(interval.Low)}, {Number(interval.High)}]";

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);

    /// <summary>κ, or why there is none: "—" for a group that spans rubrics, "undefined" when the ratings give none.</summary>
    public static string Kappa(AgreementStatistics statistics) => statistics.Kappa switch
    {
        null => "—",
        { Value: { } value } => Number(value),
        _ => "undefined",
    };

    public static string Weighting(KappaWeighting? weighting) => weighting switch
    {
        KappaWeighting.Quadratic => "quadratic-weighted",
        KappaWeighting.Linear => "linear-weighted",
        _ => "unweighted",
    };

    /// <summary>One table row of agreement figures, the same in the console and in Markdown.</summary>
    public static string[] Row(string name, AgreementStatistics s) =>
    [
        name,
        Count(s.Items),
        Count(s.N),
        Count(s.JudgeErrors),
        Number(s.Accuracy),
        Interval(s.AccuracyInterval),
        Kappa(s),
        Interval(s.KappaInterval?.Interval),
    ];
}
