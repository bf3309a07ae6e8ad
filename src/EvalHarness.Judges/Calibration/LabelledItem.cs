namespace EvalHarness.Judges.Calibration;

/// <summary>
/// One answer with the verdict a human gave it under a rubric: the material a judge is shown, the human's
/// label, and where the item came from.
/// </summary>
/// <param name="Id">Unique across every file of a check.</param>
/// <param name="Rubric">The rubric's id (built-in, or of a rubric file).</param>
/// <param name="Language"><c>ja</c> or <c>en</c>: the rubric version the judge is given.</param>
/// <param name="Input">The question or request the answer responds to.</param>
/// <param name="Output">The answer to be judged.</param>
/// <param name="Label">The human's verdict, as the rubric spells it (a label, or a whole rating as text).</param>
/// <param name="File">The labelled file as the user named it, for messages.</param>
/// <param name="Line">1-based line of the item in <paramref name="File"/>.</param>
public sealed record LabelledItem(string Id, string Rubric, string Language, string Input, string Output, string Label, string File, int Line)
{
    /// <summary>The labeller marked the label as hard to decide.</summary>
    public bool Hard { get; init; }

    /// <summary>Why the label was given (the labeller's note).</summary>
    public string? Note { get; init; }

    /// <summary>The requirement the answer must meet (rubrics that require one).</summary>
    public string? Requirement { get; init; }

    /// <summary>The context the answer's claims must be supported by (rubrics that require one).</summary>
    public string? Context { get; init; }

    /// <summary>Reference answers (rubrics that require a target).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
}
