namespace EvalHarness.Judges.Rubrics;

/// <summary>The placeholders a rubric template may use, and the sample fields a rubric may require.</summary>
public static class RubricFields
{
    /// <summary>The prompt the model under evaluation was given.</summary>
    public const string Input = "input";

    /// <summary>The model's answer: untrusted text that the template must delimit.</summary>
    public const string Output = "output";

    /// <summary>The reference answer or answers.</summary>
    public const string Target = "target";

    public const string Requirement = "requirement";

    public const string Context = "context";

    /// <summary>Extra criteria from the suite; empty when it gives none.</summary>
    public const string Criteria = "criteria";

    public static IReadOnlyList<string> Placeholders { get; } = [Input, Output, Target, Requirement, Context, Criteria];

    /// <summary>Fields a sample may lack, so a rubric that uses them declares them in <c>requires</c>.</summary>
    public static IReadOnlyList<string> Requirable { get; } = [Target, Context, Requirement];
}
