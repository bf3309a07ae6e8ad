using System.Globalization;

namespace EvalHarness.Cli.Commands;

/// <summary>How the re-scoring check compares and shows numbers.</summary>
internal static class RescoreNumbers
{
    /// <summary>
    /// Logs and results.json hold doubles in round-trip form and the same code with the same seed computes them, so
    /// they are expected to be equal; the relative 1e-12 only forgives a last-bit difference from the order of a sum
    /// (no printed digit can show it), never a changed score or metric.
    /// </summary>
    public const double Tolerance = 1e-12;

    public static bool Same(double? a, double? b) => (a, b) switch
    {
        (null, null) => true,
        ({ } x, { } y) => Same(x, y),
        _ => false,
    };

    public static bool Same(double a, double b) =>
        a.Equals(b) || Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    public static string Show(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "none";
}
