namespace EvalHarness.Evidence;

/// <summary>
/// Answers that came from the response cache. The log marks each cached sample but not the run that first
/// asked the model, so <see cref="FromRuns"/> is null: the pack does not claim to know it.
/// </summary>
public sealed record ManifestCache(int CachedSamples, IReadOnlyList<string>? FromRuns);
