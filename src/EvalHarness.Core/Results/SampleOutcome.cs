namespace EvalHarness.Results;

/// <summary>
/// One sample of a run as the results see it: its tags, whether it errored or is still missing epochs, and per scorer
/// of its suite the reduced score. Texts (prompt, answer, explanations) are left in the log: a million samples'
/// outcomes must fit in memory, their texts need not.
/// </summary>
/// <param name="Scores">Per scorer of the suite, in suite order; entries are null for errored or incomplete samples.</param>
internal sealed record SampleOutcome(string Id, IReadOnlyDictionary<string, string> Metadata, bool Errored, bool Complete, ScorerOutcome?[] Scores)
{
    /// <summary>Records counted for the sample: one per epoch (the latest, after a resume).</summary>
    public int Epochs { get; init; }

    public int ErroredEpochs { get; init; }

    /// <summary>Ids of the suite's scorers that recorded a score (or a judge error) for any epoch.</summary>
    public IReadOnlyList<string> ScoredBy { get; init; } = [];
}
