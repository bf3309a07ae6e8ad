namespace EvalHarness.Evidence;

/// <summary>Something a complete pack would hold that this one does not, and why.</summary>
public sealed record ManifestMissing(string Item, string Reason);
