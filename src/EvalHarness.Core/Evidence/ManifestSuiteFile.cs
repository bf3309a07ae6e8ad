namespace EvalHarness.Evidence;

/// <summary>A suite file as the log header records it (path and SHA-256) and the pack entry that holds it.</summary>
public sealed record ManifestSuiteFile(string Suite, string RecordedPath, string Entry, string Sha256);
