namespace EvalHarness.Judges.Rubrics;

/// <summary>The messages to send to a judge, or why this sample cannot be judged with the rubric.</summary>
/// <param name="System">The rubric's system message, if it has one.</param>
/// <param name="User">The filled-in template; null exactly when <paramref name="Error"/> is set.</param>
public sealed record RubricPrompt(string? System, string? User, string? Error)
{
    public bool IsValid => Error is null;
}
