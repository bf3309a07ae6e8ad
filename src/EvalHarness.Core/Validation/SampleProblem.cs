namespace EvalHarness.Validation;

/// <summary>
/// Why a sample cannot be handled by a solver step or scorer, with the sample field at fault, so a
/// validation message can name the field the author has to fix.
/// </summary>
public sealed record SampleProblem(string Field, string Message);
