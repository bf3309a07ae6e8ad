using EvalHarness.Configuration;
using EvalHarness.Scorers.Japanese.Tokenization;

namespace EvalHarness.Scorers.Japanese.Similarity;

/// <summary>The <c>tokenize</c> option of the similarity scorers: one of a few names, <c>auto</c> by default.</summary>
internal static class TokenizerOption
{
    public const string Key = "tokenize";

    public static string Read(ConfigSection options, IReadOnlyList<string> allowed)
    {
        var value = options.GetString(Key) ?? MetricTokenizers.Auto;
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        options.Error(Key, $"must be one of: {string.Join(", ", allowed)}");
        return MetricTokenizers.Auto;
    }
}
