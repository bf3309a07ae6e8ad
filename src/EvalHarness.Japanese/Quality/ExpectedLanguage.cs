namespace EvalHarness.Japanese.Quality;

/// <summary>Maps language labels as suites write them (ja, ja-JP, jpn, Japanese, en_US, ...) to the two the scorer checks.</summary>
internal static class ExpectedLanguage
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static string? Normalize(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var primary = label.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "ja" or "jp" or "jpn" or "japanese" or "日本語" => Japanese,
            "en" or "eng" or "english" or "英語" => English,
            _ => null,
        };
    }
}
