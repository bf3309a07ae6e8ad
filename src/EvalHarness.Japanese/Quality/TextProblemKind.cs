namespace EvalHarness.Japanese.Quality;

/// <summary>What script_sanity finds wrong with text.</summary>
internal enum TextProblemKind
{
    /// <summary>U+FFFD: a decoder met bytes it could not read.</summary>
    ReplacementCharacter,

    /// <summary>C0 (other than tab, LF, CR), DEL or C1 control characters.</summary>
    ControlCharacter,

    /// <summary>Half of a UTF-16 surrogate pair: text was cut or joined in the middle of a character.</summary>
    LoneSurrogate,

    /// <summary>Private-use code points: glyphs of some font or vendor, meaningless elsewhere.</summary>
    PrivateUse,

    /// <summary>UTF-8 bytes read as Latin-1 or Windows-1252 ("ã\u0081\u0082", "Ã©", "â€™").</summary>
    Utf8AsLatin1,

    /// <summary>UTF-8 bytes read as Shift_JIS/CP932 ("縺ゅｊ縺後→", "譁・ｭ怜喧縺�").</summary>
    Utf8AsShiftJis,

    /// <summary>Shift_JIS bytes read as Windows-1252 ("‚ ‚è‚ª‚Æ", "ƒeƒXƒg").</summary>
    ShiftJisAsLatin1,

    /// <summary>EUC-JP bytes read as Latin-1 ("¤¢¤ê¤¬¤È", "¥Æ¥¹¥È").</summary>
    EucJpAsLatin1,
}
