namespace EvalHarness.Risk.Hallucination;

/// <summary>Names of the sub-values the hallucination scorers record, read by the rate metrics.</summary>
internal static class HallucinationValues
{
    public const string Correct = "correct";
    public const string Abstained = "abstained";
    public const string ConfidentWrong = "confident_wrong";
    public const string Hedged = "hedged";
    public const string Corrected = "corrected";
    public const string AcceptedPremise = "accepted_premise";
    public const string Support = "support";
    public const string Precision = "precision";
    public const string Recall = "recall";
}
