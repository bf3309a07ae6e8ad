namespace EvalHarness.Results;

/// <summary>
/// Results across suites by the Basic Plan's risks and J-AISI's ten perspectives, and beside them by
/// language quality: every entry of each taxonomy, those no scored sample of the run is tagged with marked
/// not measured (<see cref="OverviewEntry.Measured"/>), never dropped.
/// </summary>
public sealed record Overview(IReadOnlyList<OverviewEntry> Risks, IReadOnlyList<OverviewEntry> Perspectives)
{
    public static Overview Empty { get; } = new([], []);

    /// <summary>Japanese-language quality: not a risk, so reported beside the risks rather than among them.</summary>
    public IReadOnlyList<OverviewEntry> Quality { get; init; } = [];
}
