namespace EvalHarness.Results;

/// <summary>
/// The pass rate of every sample tagged with one risk, perspective or quality category, across all suites of
/// the run: each sample counts once, with the mean of its scorers' (epoch-reduced) values in [0, 1].
/// </summary>
public sealed record OverviewEntry(
    string Id,
    string English,
    string Japanese,
    double? Value,
    double? CiLow,
    double? CiHigh,
    string? CiMethod,
    int N,
    IReadOnlyList<string> Suites)
{
    /// <summary>
    /// False when no scored sample of the run is tagged with it and scored pass/fail: the report says
    /// "not measured" rather than leaving it out or drawing it as zero.
    /// </summary>
    public bool Measured => N > 0 && Value is not null;
}
