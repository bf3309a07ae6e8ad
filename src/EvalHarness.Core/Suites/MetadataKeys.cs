namespace EvalHarness.Suites;

/// <summary>Metadata keys with a meaning to the harness; any other key is carried along as given.</summary>
public static class MetadataKeys
{
    public const string Category = "category";
    public const string Risk = "risk";
    public const string Perspective = "perspective";
    public const string Language = "language";

    /// <summary>
    /// A sample's own answer-length limit in tokens (llm-jp-eval's <c>output_length</c>): sent as max_tokens when
    /// neither the suite nor the command line sets max_tokens.
    /// </summary>
    public const string MaxTokens = "max_tokens";

    /// <summary>A sample's max_tokens metadata as a number; null when absent or not a whole number of at least 1.</summary>
    public static int? MaxTokensOf(Sample sample) =>
        sample.Metadata.TryGetValue(MaxTokens, out var text)
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : null;

    /// <summary>Keys results are grouped by when a suite does not say otherwise (only those present are used).</summary>
    public static IReadOnlyList<string> DefaultGroupBy { get; } = [Category, Risk, Perspective, Language];
}
