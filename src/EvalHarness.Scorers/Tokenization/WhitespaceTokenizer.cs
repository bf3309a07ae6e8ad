using EvalHarness.Tokenization;

namespace EvalHarness.Scorers.Tokenization;

/// <summary>Tokens are the parts of Python's <c>str.split()</c>: for text that is already tokenized.</summary>
internal sealed class WhitespaceTokenizer : IMetricTokenizer
{
    public static WhitespaceTokenizer Instance { get; } = new();

    public string Name => "whitespace";

    public string Description => "Python's str.split(): for text that is already tokenized; rouge-score's default";

    public string Signature => "whitespace";

    public string Apply(string line) => string.Join(' ', PythonWhitespace.Split(line));

    public List<string> Tokenize(string line) => PythonWhitespace.Split(line);
}
