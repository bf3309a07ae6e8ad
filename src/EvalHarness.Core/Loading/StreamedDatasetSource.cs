namespace EvalHarness.Loading;

/// <summary>A dataset file's text as a reader (read once, front to back), with what <see cref="DatasetSource"/> carries besides the text.</summary>
public sealed record StreamedDatasetSource(TextReader Text, string DisplayPath, char Delimiter)
{
    /// <inheritdoc cref="DatasetSource.FewShots"/>
    public int? FewShots { get; init; }

    /// <inheritdoc cref="DatasetSource.Limits"/>
    public LoadLimits Limits { get; init; } = LoadLimits.Default;
}
