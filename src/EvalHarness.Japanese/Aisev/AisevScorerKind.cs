namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// How an aisev row is scored, named by its <c>scorer</c> cell. <see cref="Id"/> is the id of the suite scorer
/// that scores such rows, so results read "requirement", "model_graded_qa" and so on, as in aisev.
/// </summary>
public sealed class AisevScorerKind
{
    private AisevScorerKind(string id, string neededColumn, bool judged)
    {
        Id = id;
        NeededColumn = neededColumn;
        Judged = judged;
    }

    /// <summary>A judge checks the answer against the row's <c>requirement</c> (aisev's Japanese requirement prompt).</summary>
    public static AisevScorerKind Requirement { get; } = new("requirement", AisevColumns.Requirement, judged: true);

    /// <summary>A judge checks the answer against the row's <c>output</c> (Inspect's model_graded_qa); aisev's fallback.</summary>
    public static AisevScorerKind ModelGradedQa { get; } = new("model_graded_qa", AisevColumns.Output, judged: true);

    /// <summary>Multiple choice over the <c>ans*</c> columns, the <c>output</c> letters being the answer (Inspect's choice()).</summary>
    public static AisevScorerKind Choice { get; } = new("choice", AisevColumns.Output, judged: false);

    /// <summary>The answer equals <c>output</c>.</summary>
    public static AisevScorerKind Exact { get; } = new("exact", AisevColumns.Output, judged: false);

    public static IReadOnlyList<AisevScorerKind> All { get; } = [Requirement, ModelGradedQa, Choice, Exact];

    public string Id { get; }

    /// <summary>The column this kind cannot score without.</summary>
    public string NeededColumn { get; }

    /// <summary>True when an LLM judge decides (the run needs <c>--judge</c>).</summary>
    public bool Judged { get; }

    /// <summary>
    /// The kind a <c>scorer</c> cell names, compared exactly as aisev does. An empty cell is model_graded_qa (aisev
    /// fills it so); an unknown name is model_graded_qa too, as in aisev, and <paramref name="known"/> is false.
    /// <c>multiplechoice</c>, the spelling of aisev's documentation, is multiple choice here, though aisev's code
    /// grades it as model_graded_qa.
    /// </summary>
    public static AisevScorerKind Parse(string? cell, out bool known)
    {
        known = true;
        switch (cell)
        {
            case null:
                return ModelGradedQa;
            case "requirement":
                return Requirement;
            case "model_graded_qa":
                return ModelGradedQa;
            case "exact":
                return Exact;
            case "multiple_choice" or "choice" or "multiplechoice":
                return Choice;
            default:
                known = false;
                return ModelGradedQa;
        }
    }

    public override string ToString() => Id;
}
