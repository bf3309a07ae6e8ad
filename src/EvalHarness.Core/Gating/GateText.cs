using System.Globalization;

namespace EvalHarness.Gating;

/// <summary>Numbers and limits as verdicts show them: invariant, four decimals at most, so a reason reads the same everywhere.</summary>
public static class GateText
{
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Limit(double? min, double? max) => (min, max) switch
    {
        ({ } lo, { } hi) => $"in [{Number(lo)}, {Number(hi)}]",
        ({ } lo, null) => "≥ " + Number(lo),
        (null, { } hi) => "≤ " + Number(hi),
        _ => string.Empty,
    };

    /// <summary>"holm" or "bh", as a policy spells the correction.</summary>
    public static string Correction(string method) => method == Statistics.MultipleTesting.BenjaminiHochbergMethod ? "bh" : "holm";
}
