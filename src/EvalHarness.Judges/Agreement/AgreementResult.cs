namespace EvalHarness.Judges.Agreement;

/// <summary>An agreement coefficient, or why it is undefined for these ratings.</summary>
/// <param name="Value">The coefficient; null (never NaN) exactly when <paramref name="Reason"/> is set.</param>
/// <param name="Items">Items (samples, units) that entered the computation.</param>
/// <param name="ExcludedItems">Items left out because ratings were missing (a judge's unreadable answer is missing).</param>
/// <param name="Reason">Why there is no value, in words a report can show.</param>
public sealed record AgreementResult(double? Value, int Items, int ExcludedItems, string? Reason)
{
    internal static AgreementResult Of(double value, int items, int excluded) => new(value, items, excluded, null);

    internal static AgreementResult Undefined(string reason, int items, int excluded) => new(null, items, excluded, reason);
}
