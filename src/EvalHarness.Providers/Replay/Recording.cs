namespace EvalHarness.Providers.Replay;

/// <summary>
/// The recorded answers for a sample (of a suite, when the file covers several) and epoch: one per turn of
/// the conversation, the first being <see cref="Output"/>.
/// </summary>
public sealed record Recording(string? Suite, string Id, int Epoch, string Output, string? FinishReason, string Source, int Line)
{
    /// <summary>The answer to each turn, in order (<c>outputs</c> in the file); just <see cref="Output"/> for a single question.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [Output];

    /// <summary>Recorded judge replies about this answer, by judge scorer id (<c>judge</c> in the file): what <c>--judge demo</c> answers.</summary>
    public IReadOnlyDictionary<string, string> Verdicts { get; init; } = new Dictionary<string, string>();
}
