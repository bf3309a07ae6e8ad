using EvalHarness.Japanese.MeCab;
using EvalHarness.Scorers.Tokenization;
using EvalHarness.Tokenization;

namespace EvalHarness.Japanese.Tokenization;

/// <summary>
/// sacreBLEU's <c>ja-mecab</c>: the line stripped as Python's <c>str.strip()</c> does, then MeCab's
/// <c>-Owakati</c> output (surfaces joined by a space) stripped again. A surface that is itself
/// whitespace to Python (MeCab emits U+3000 as a token) vanishes when the output is split.
/// </summary>
internal sealed class JaMecabTokenizer : IMetricTokenizer
{
    private readonly Lazy<MeCabTagger> _tagger;

    public JaMecabTokenizer(MeCabTagger tagger)
        : this(() => tagger)
    {
    }

    /// <summary>Over a tagger made on first use, so registering the tokenizer never loads MeCab.</summary>
    public JaMecabTokenizer(Func<MeCabTagger> tagger)
    {
        _tagger = new Lazy<MeCabTagger>(tagger);
    }

    /// <summary>The tokenizer over the shared tagger; its first use throws <see cref="MeCabUnavailableException"/> without MeCab.</summary>
    public static JaMecabTokenizer Default { get; } = new(() => MeCabTagger.Default);

    public string Name => "ja-mecab";

    public string Description => "sacreBLEU's ja-mecab: MeCab with the IPA dictionary; what tokenize: auto uses for Japanese";

    public IReadOnlyList<string> Languages { get; } = ["ja"];

    public string Signature => "ja-mecab-" + Tagger.Version + "-IPA";

    private MeCabTagger Tagger => _tagger.Value;

    public string Apply(string line) => PythonWhitespace.Strip(string.Join(' ', Tagger.Surfaces(PythonWhitespace.Strip(line))));

    public List<string> Tokenize(string line)
    {
        var surfaces = Tagger.Surfaces(PythonWhitespace.Strip(line));
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
