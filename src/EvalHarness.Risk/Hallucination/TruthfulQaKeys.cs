namespace EvalHarness.Risk.Hallucination;

/// <summary>Metadata the truthfulqa format writes and the truthfulqa_mc scorer reads.</summary>
internal static class TruthfulQaKeys
{
    /// <summary><c>mc1</c>, <c>mc2</c> or <c>generation</c>.</summary>
    public const string Task = "truthfulqa_task";

    /// <summary>MC2: the options in the order shown, as a JSON list.</summary>
    public const string Mc2Choices = "mc2_choices";

    /// <summary>MC2: the letters of the true options, as a JSON list.</summary>
    public const string Mc2True = "mc2_true";

    public const string Mc1 = "mc1";
    public const string Mc2 = "mc2";
    public const string Generation = "generation";
}
