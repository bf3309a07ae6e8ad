namespace EvalHarness.Loading;

/// <summary>A dataset file's decoded text, the path to show in messages and the CSV delimiter the suite asked for.</summary>
public sealed record DatasetSource(string Text, string DisplayPath, char Delimiter)
{
    /// <summary><c>dataset.few_shots</c>, for formats whose files carry few-shot examples; null: the format's default.</summary>
    public int? FewShots { get; init; }

    /// <summary>Sizes a format can check before parsing, so an oversized line is refused without being parsed.</summary>
    public LoadLimits Limits { get; init; } = LoadLimits.Default;
}
