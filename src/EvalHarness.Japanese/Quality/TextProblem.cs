namespace EvalHarness.Japanese.Quality;

/// <summary>One problem at a UTF-16 index of the text, covering <paramref name="Length"/> UTF-16 units.</summary>
internal sealed record TextProblem(TextProblemKind Kind, int Index, int Length)
{
    public string Name => Kind switch
    {
        TextProblemKind.ReplacementCharacter => "replacement character U+FFFD",
        TextProblemKind.ControlCharacter => "control character",
        TextProblemKind.LoneSurrogate => "lone surrogate",
        TextProblemKind.PrivateUse => "private-use character",
        TextProblemKind.Utf8AsLatin1 => "mojibake (UTF-8 read as Latin-1/Windows-1252)",
        TextProblemKind.Utf8AsShiftJis => "mojibake (UTF-8 read as Shift_JIS)",
        TextProblemKind.ShiftJisAsLatin1 => "mojibake (Shift_JIS read as Windows-1252)",
        TextProblemKind.EucJpAsLatin1 => "mojibake (EUC-JP read as Latin-1)",
        _ => Kind.ToString(),
    };

    /// <summary>The key used in score metadata (snake case).</summary>
    public string Key => Kind switch
    {
        TextProblemKind.ReplacementCharacter => "replacement_characters",
        TextProblemKind.ControlCharacter => "control_characters",
        TextProblemKind.LoneSurrogate => "lone_surrogates",
        TextProblemKind.PrivateUse => "private_use",
        TextProblemKind.Utf8AsLatin1 => "mojibake_utf8_as_latin1",
        TextProblemKind.Utf8AsShiftJis => "mojibake_utf8_as_shift_jis",
        TextProblemKind.ShiftJisAsLatin1 => "mojibake_shift_jis_as_latin1",
        TextProblemKind.EucJpAsLatin1 => "mojibake_euc_jp_as_latin1",
        _ => Kind.ToString(),
    };
}
