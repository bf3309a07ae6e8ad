namespace EvalHarness.Japanese.MeCab;

/// <summary>
/// One morpheme: its surface and the IPA dictionary's features
/// (品詞, 品詞細分類1–3, 活用型, 活用形, 原形, 読み, 発音); "*" and absent fields read as null.
/// </summary>
public sealed class MeCabToken
{
    private readonly string[] _features;

    public MeCabToken(string surface, string features, bool unknown)
    {
        Surface = surface;
        Features = features;
        IsUnknown = unknown;
        _features = features.Split(',');
    }

    public string Surface { get; }

    /// <summary>The raw feature string as the dictionary gives it.</summary>
    public string Features { get; }

    /// <summary>True when the word is not in the dictionary (MeCab guessed it).</summary>
    public bool IsUnknown { get; }

    /// <summary>品詞: 名詞, 動詞, 助動詞, 助詞, 記号, ...</summary>
    public string? PartOfSpeech => Field(0);

    public string? PartOfSpeechDetail1 => Field(1);

    public string? PartOfSpeechDetail2 => Field(2);

    public string? PartOfSpeechDetail3 => Field(3);

    /// <summary>活用型, e.g. 特殊・デス, 特殊・マス, 特殊・ダ.</summary>
    public string? ConjugationType => Field(4);

    /// <summary>活用形, e.g. 基本形, 連用形.</summary>
    public string? ConjugationForm => Field(5);

    /// <summary>原形 (dictionary form).</summary>
    public string? BaseForm => Field(6);

    public string? Reading => Field(7);

    public string? Pronunciation => Field(8);

    public override string ToString() => Surface + "\t" + Features;

    private string? Field(int index) => index < _features.Length && _features[index] is { Length: > 0 } value && value != "*" ? value : null;
}
