namespace EvalHarness.Evidence;

/// <summary>The bytes of a scorer resource found for a pack, and the file name it goes under.</summary>
public sealed record EvidenceResourceText(string FileName, byte[] Bytes);
