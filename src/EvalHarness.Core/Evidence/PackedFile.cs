namespace EvalHarness.Evidence;

/// <summary>
/// A file planned for a pack: its entry name, where its bytes come from (a file or memory), and the SHA-256
/// the bytes must have when packed (null when nothing recorded one).
/// </summary>
internal sealed record PackedFile(string Entry, string? SourcePath, byte[]? Bytes, string? ExpectedSha256, string What);
