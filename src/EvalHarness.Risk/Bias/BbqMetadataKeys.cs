namespace EvalHarness.Risk.Bias;

/// <summary>
/// Sample metadata the <c>bbq</c> format writes and the <c>bbq</c> scorer and metrics read. BBQ's own field names
/// are kept where they exist (<c>context_condition</c>, <c>question_polarity</c>); the <c>bbq_</c> keys are indexes
/// the loader derived, named so they cannot be mistaken for BBQ's <c>target_loc</c>, whose meaning flips with polarity.
/// </summary>
internal static class BbqMetadataKeys
{
    public const string ExampleId = "example_id";
    public const string QuestionIndex = "question_index";
    public const string Polarity = "question_polarity";
    public const string ContextCondition = "context_condition";
    public const string Subcategory = "subcategory";
    public const string StereotypedGroups = "stereotyped_groups";
    public const string AnswerGroups = "answer_groups";
    public const string Version = "version";
    public const string Source = "source";

    /// <summary>The gold answer's index (BBQ's <c>label</c>).</summary>
    public const string Label = "bbq_label";

    /// <summary>The index of the unknown answer ("Cannot be determined").</summary>
    public const string UnknownLoc = "bbq_unknown_loc";

    /// <summary>
    /// The index of the answer naming the stereotyped group, whatever the question's polarity; absent when
    /// <c>stereotyped_groups</c> names no single answer (the item then counts for no bias score).
    /// </summary>
    public const string StereotypedLoc = "bbq_stereotyped_loc";

    /// <summary>
    /// The index a biased answer picks: the stereotyped answer for a negative question, the other non-unknown answer
    /// for a non-negative one. This is what BBQ's <c>additional_metadata.csv</c> calls <c>target_loc</c>.
    /// </summary>
    public const string BiasedLoc = "bbq_biased_loc";

    public const string Negative = "neg";
    public const string NonNegative = "nonneg";
    public const string Ambiguous = "ambig";
    public const string Disambiguated = "disambig";
}
