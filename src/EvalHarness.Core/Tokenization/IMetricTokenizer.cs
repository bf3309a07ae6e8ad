using EvalHarness.Extensions;

namespace EvalHarness.Tokenization;

/// <summary>
/// A metric tokenizer as sacreBLEU defines one: a function from a line to a tokenized line, whose
/// tokens are then obtained with Python's <c>str.split()</c>.
/// </summary>
/// <remarks><see cref="IExtension.Name"/> is the option value that selects it (<c>ja-mecab</c>, <c>13a</c>, <c>whitespace</c>).</remarks>
public interface IMetricTokenizer : IExtension
{
    /// <summary>Language tags (prefixes: "ja" matches "ja-JP") for which <c>tokenize: auto</c> picks this tokenizer.</summary>
    IReadOnlyList<string> Languages => [];

    /// <summary>The tokenizer part of sacreBLEU's signature (<c>ja-mecab-0.996-IPA</c>, <c>13a</c>).</summary>
    string Signature { get; }

    /// <summary>The tokenized line exactly as the reference tokenizer returns it.</summary>
    string Apply(string line);

    /// <summary>The tokens of <see cref="Apply"/>'s output (its <c>str.split()</c>), without building the line.</summary>
    List<string> Tokenize(string line);
}
