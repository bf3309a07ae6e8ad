namespace EvalHarness.Japanese.Quality;

/// <summary>A constraint, whether the output met it, and what was measured ("87 characters", "5 items").</summary>
internal sealed record ConstraintResult(Constraint Constraint, bool Passed, string Measured, double? Figure);
