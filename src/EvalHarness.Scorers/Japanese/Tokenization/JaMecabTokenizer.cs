using EvalHarness.Scorers.Japanese.MeCab;

namespace EvalHarness.Scorers.Japanese.Tokenization;

/// <summary>
/// sacreBLEU's <c>ja-mecab</c>: the line stripped as Python's <c>str.strip()</c> does, then MeCab's
/// <c>-Owakati</c> output (surfaces joined by a space) stripped again. A surface that is itself
/// whitespace to Python (MeCab emits U+3000 as a token) vanishes when the output is split.
/// </summary>
public sealed class JaMecabTokenizer : IMetricTokenizer
{
    private readonly MeCabTagger _tagger;

    public JaMecabTokenizer(MeCabTagger tagger)
    {
        _tagger = tagger;
        Signature = "ja-mecab-" + tagger.Version + "-IPA";
    }

    /// <summary>The tokenizer over the shared tagger; throws <see cref="MeCabUnavailableException"/> without MeCab.</summary>
    public static JaMecabTokenizer Default => Shared.Value;

    public string Name => "ja-mecab";

    public string Signature { get; }

    private static Lazy<JaMecabTokenizer> Shared { get; } = new(() => new JaMecabTokenizer(MeCabTagger.Default));

    public string Apply(string line) => PythonWhitespace.Strip(string.Join(' ', _tagger.Surfaces(PythonWhitespace.Strip(line))));

    public List<string> Tokenize(string line)
    {
        var surfaces = _tagger.Surfaces(PythonWhitespace.Strip(line));
        for (var i = 0; i < surfaces.Count; i++)
        {
            if (PythonWhitespace.ContainsSpace(surfaces[i]))
            {
                return PythonWhitespace.Split(string.Join(' ', surfaces));
            }
        }

        return surfaces;
    }
}
