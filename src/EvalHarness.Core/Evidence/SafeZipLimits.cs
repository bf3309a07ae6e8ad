namespace EvalHarness.Evidence;

/// <summary>
/// What an untrusted zip may hold before extraction stops. Sizes are counted from the bytes actually
/// decompressed, never from the sizes an entry's header claims.
/// </summary>
public sealed record SafeZipLimits
{
    /// <summary>The limits <c>evalh verify</c> applies (docs/procurement.md lists them).</summary>
    public static SafeZipLimits Default { get; } = new();

    /// <summary>A run log of a few hundred thousand samples fits well inside this.</summary>
    public long MaxEntryBytes { get; init; } = 512L * 1024 * 1024;

    public long MaxTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Decompressed bytes per compressed byte; text compresses about 10:1, a zip bomb thousands to one.</summary>
    public double MaxRatio { get; init; } = 200;

    /// <summary>Below this many decompressed bytes an entry's ratio is not checked (tiny files of repeated text compress well).</summary>
    public long RatioFloorBytes { get; init; } = 1024 * 1024;
}
