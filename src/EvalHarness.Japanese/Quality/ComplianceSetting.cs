namespace EvalHarness.Japanese.Quality;

/// <summary>One configured constraint value and where it was set ("option max_chars", "metadata bullets").</summary>
internal sealed record ComplianceSetting(int Value, string Source);
