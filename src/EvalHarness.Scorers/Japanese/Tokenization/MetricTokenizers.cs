namespace EvalHarness.Scorers.Japanese.Tokenization;

/// <summary>The metric tokenizers by option value, and the language rule behind <c>auto</c>.</summary>
public static class MetricTokenizers
{
    public const string Auto = "auto";
    public const string JaMecab = "ja-mecab";
    public const string Thirteen = "13a";
    public const string Whitespace = "whitespace";

    /// <summary>
    /// The tokenizer named <paramref name="name"/>. <c>ja-mecab</c> loads MeCab on first use and throws
    /// <see cref="MeCab.MeCabUnavailableException"/> when it is not installed.
    /// </summary>
    public static IMetricTokenizer Get(string name) => name switch
    {
        JaMecab => JaMecabTokenizer.Default,
        Thirteen => Tokenizer13a.Instance,
        Whitespace => WhitespaceTokenizer.Instance,
        _ => throw new ArgumentException($"unknown tokenizer '{name}'", nameof(name)),
    };

    /// <summary>
    /// What <c>auto</c> means for a sample: MeCab for Japanese (a language tag starting with "ja"),
    /// otherwise <paramref name="otherwise"/>, which is what sacreBLEU would pick for the language.
    /// </summary>
    public static string Resolve(string option, string language, string otherwise) =>
        option != Auto ? option : language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? JaMecab : otherwise;
}
