using EvalHarness.Extensions;

namespace EvalHarness.Tokenization;

/// <summary>The metric tokenizers by option value, and which one <c>auto</c> picks for a sample's language.</summary>
public sealed class TokenizerCatalog
{
    public const string Auto = "auto";

    private readonly NamedCatalog<IMetricTokenizer> _tokenizers;

    public TokenizerCatalog(NamedCatalog<IMetricTokenizer> tokenizers)
    {
        _tokenizers = tokenizers;
    }

    public IEnumerable<IMetricTokenizer> All => _tokenizers.All;

    public IEnumerable<string> Names => _tokenizers.Names;

    public bool TryGet(string name, out IMetricTokenizer tokenizer) => _tokenizers.TryGet(name, out tokenizer);

    public string? PackOf(string name) => _tokenizers.PackOf(name);

    /// <summary>
    /// What <paramref name="option"/> means for a sample in <paramref name="language"/>: the option itself,
    /// or for <c>auto</c> the tokenizer registered for the language ("ja" matches "ja-JP"), else
    /// <paramref name="otherwise"/> (what sacreBLEU or rouge-score would use).
    /// </summary>
    public string Resolve(string option, string language, string otherwise)
    {
        if (option != Auto)
        {
            return option;
        }

        foreach (var tokenizer in _tokenizers.InOrder)
        {
            if (tokenizer.Languages.Any(l => language.StartsWith(l, StringComparison.OrdinalIgnoreCase)))
            {
                return tokenizer.Name;
            }
        }

        return otherwise;
    }

    /// <summary>The tokenizer named <paramref name="name"/>; throws <see cref="TokenizerUnavailableException"/> when no pack registered it.</summary>
    public IMetricTokenizer Get(string name) => _tokenizers.TryGet(name, out var tokenizer)
        ? tokenizer
        : throw new TokenizerUnavailableException($"no tokenizer '{name}' is registered (known: {string.Join(", ", _tokenizers.Names)})");
}
