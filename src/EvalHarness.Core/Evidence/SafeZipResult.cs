namespace EvalHarness.Evidence;

/// <summary>The entries extracted from an untrusted zip, or why it was refused (then nothing is left extracted).</summary>
public sealed record SafeZipResult(IReadOnlyList<string> Entries, string? Problem)
{
    public bool Refused => Problem is not null;

    public static SafeZipResult Refuse(string problem) => new([], problem);
}
