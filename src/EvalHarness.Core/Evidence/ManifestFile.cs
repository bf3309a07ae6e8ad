namespace EvalHarness.Evidence;

/// <summary>An entry of the pack (all but the manifest and its signature) with the SHA-256 and size of its bytes.</summary>
public sealed record ManifestFile(string Path, string Sha256, long Bytes);
