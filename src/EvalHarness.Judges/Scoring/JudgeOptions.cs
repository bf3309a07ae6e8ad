namespace EvalHarness.Judges.Scoring;

/// <summary>A judge scorer's options as the suite gave them.</summary>
/// <param name="Language"><c>auto</c> (the sample's language when the rubric has it), <c>ja</c> or <c>en</c>.</param>
/// <param name="Criteria">Extra criteria shown to the judge with every sample.</param>
/// <param name="RequirementField">The sample metadata key holding the requirement (aisev's <c>requirement</c>).</param>
/// <param name="ContextField">The sample metadata key holding the context claims must be supported by.</param>
/// <param name="Retries">How many times a judge whose reply held no readable verdict is asked again.</param>
internal sealed record JudgeOptions(string Language, string? Criteria, string RequirementField, string ContextField, int Retries)
{
    public const string Auto = "auto";
}
