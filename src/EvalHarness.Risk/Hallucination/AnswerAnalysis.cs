namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// What <see cref="AnswerAnalyzer"/> found in one answer. An abstention has at least one abstention clause
/// and no content clause; an answer that voices doubt and still answers is hedged, not an abstention.
/// </summary>
/// <param name="Abstained">The answer declines to answer: says it does not know, cannot find or cannot confirm.</param>
/// <param name="AbstentionCue">The clause that declined, when it did.</param>
/// <param name="Hedged">The answer voices doubt (I think, probably, 確か, と思います) while answering.</param>
/// <param name="HedgeCue">The doubt voiced.</param>
/// <param name="Corrected">The answer rejects the question's premise or says the entity does not exist.</param>
/// <param name="CorrectionCue">The sentence that corrected.</param>
/// <param name="Content">The clauses that carry an answer (neither doubt nor apology nor referral).</param>
internal sealed record AnswerAnalysis(
    bool Abstained,
    string? AbstentionCue,
    bool Hedged,
    string? HedgeCue,
    bool Corrected,
    string? CorrectionCue,
    IReadOnlyList<string> Content);
