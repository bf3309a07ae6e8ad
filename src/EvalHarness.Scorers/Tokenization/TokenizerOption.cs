using EvalHarness.Configuration;
using EvalHarness.Tokenization;

namespace EvalHarness.Scorers.Tokenization;

/// <summary>The <c>tokenize</c> option of the similarity scorers: <c>auto</c> (the default) or a registered tokenizer.</summary>
internal static class TokenizerOption
{
    public const string Key = "tokenize";

    public static string Read(ConfigSection options, TokenizerCatalog tokenizers)
    {
        var value = options.GetString(Key) ?? TokenizerCatalog.Auto;
        if (value == TokenizerCatalog.Auto || tokenizers.TryGet(value, out _))
        {
            return value;
        }

        var suggestion = Suggest.Closest(value, tokenizers.Names);
        options.Error(Key, $"unknown tokenizer '{value}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; use auto or one of: {string.Join(", ", tokenizers.Names)}");
        return TokenizerCatalog.Auto;
    }
}
