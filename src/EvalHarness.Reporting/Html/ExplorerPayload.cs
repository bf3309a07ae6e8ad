namespace EvalHarness.Reporting.Html;

/// <summary>
/// The explorer's data as the page carries it: a small index (what filters need, for every sample)
/// and the samples' texts in chunks, each gzip-compressed and base64-encoded.
/// </summary>
/// <param name="Index">The index island's content.</param>
/// <param name="Chunks">Text chunks of <paramref name="ChunkSize"/> samples each, in sample order.</param>
internal sealed record ExplorerPayload(string Index, IReadOnlyList<string> Chunks, int ChunkSize)
{
    /// <summary>Samples the page carries (at most <see cref="ExplorerData.MaxSamplesPerSuite"/> per suite).</summary>
    public int Shown { get; init; }

    /// <summary>Sample records of the run.</summary>
    public int Total { get; init; }
}
