namespace EvalHarness.Comparison;

/// <summary>
/// How one suite's samples paired up: samples present in only one run (count and the first few ids), whether the
/// suite's files differ between the runs' headers (then both were scored by different suite versions), and scorers
/// only one run has. Nothing is dropped without being counted here.
/// </summary>
public sealed record SuitePairing(
    string Suite,
    int Paired,
    int OnlyInA,
    IReadOnlyList<string> OnlyInAIds,
    int OnlyInB,
    IReadOnlyList<string> OnlyInBIds,
    bool FilesDiffer,
    IReadOnlyList<string> ScorersOnlyInA,
    IReadOnlyList<string> ScorersOnlyInB)
{
    /// <summary>How many ids of unpaired samples are listed.</summary>
    public const int ListedIds = 5;

    /// <summary>Epoch counts of A and B; the bootstrap pairs epochs (clustered by sample) only when they agree.</summary>
    public int EpochsA { get; init; } = 1;

    public int EpochsB { get; init; } = 1;
}
