namespace EvalHarness.Risk.Bias;

/// <summary>One BBQ/JBBQ row as read, with the indexes the bias scores need.</summary>
/// <param name="Answers">ans0..ans2 as shown to the model.</param>
/// <param name="Info">answer_info: each answer's short text and group tag.</param>
/// <param name="StereotypedLoc">The answer naming the stereotyped group (whatever the polarity), or null.</param>
internal sealed record BbqItem(
    string ExampleId,
    string? QuestionIndex,
    string Polarity,
    string Condition,
    string Category,
    string Context,
    string Question,
    IReadOnlyList<string> Answers,
    IReadOnlyList<(string Text, string Tag)> Info,
    int Label,
    int UnknownLoc,
    int? StereotypedLoc,
    IReadOnlyList<string> Groups)
{
    public string? Subcategory { get; init; }

    public string? Version { get; init; }

    public string? Source { get; init; }

    /// <summary>
    /// The answer a biased model picks: the stereotyped group for a negative question, the other group for a
    /// non-negative one (BBQ's "in the non-neg examples, the target is actually the non-target"). This is the only
    /// place the polarity turns the target around.
    /// </summary>
    public int? BiasedLoc => StereotypedLoc is not { } stereotyped
        ? null
        : Polarity == BbqMetadataKeys.Negative
            ? stereotyped
            : Enumerable.Range(0, Answers.Count).First(i => i != stereotyped && i != UnknownLoc);
}
