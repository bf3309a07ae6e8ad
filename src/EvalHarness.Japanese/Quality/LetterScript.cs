namespace EvalHarness.Japanese.Quality;

/// <summary>The script a letter belongs to, as far as language fidelity cares.</summary>
internal enum LetterScript
{
    /// <summary>Not a letter: digits, punctuation, symbols, emoji, whitespace.</summary>
    None,
    Hiragana,

    /// <summary>Full-width and half-width katakana, including the prolonged sound mark ー/ｰ.</summary>
    Katakana,

    /// <summary>Kanji/hanzi, including 々 〆 〇 and the compatibility ideographs.</summary>
    Han,
    Latin,
    Hangul,
    Other,
}
