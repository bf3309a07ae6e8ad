namespace EvalHarness.Loading;

/// <summary>
/// How much one dataset may hold. A broken or hostile file is refused while loading, before one oversized
/// line is copied into every prompt, log record and report of a run.
/// </summary>
public sealed record LoadLimits
{
    public const long DefaultMaxFieldBytes = 1L << 20;

    public const long DefaultMaxRecordBytes = 4L << 20;

    public const int DefaultMaxSamples = 1_000_000;

    public static LoadLimits Default { get; } = new();

    /// <summary>UTF-8 bytes of one text value of a record (<c>--max-field-size</c>).</summary>
    public long MaxFieldBytes { get; init; } = DefaultMaxFieldBytes;

    /// <summary>UTF-8 bytes of one record: a JSON Lines line, or the text of a CSV row or of one item of a JSON dataset (<c>--max-record-size</c>).</summary>
    public long MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>Samples one suite's dataset may hold (<c>--max-samples</c>).</summary>
    public int MaxSamples { get; init; } = DefaultMaxSamples;
}
