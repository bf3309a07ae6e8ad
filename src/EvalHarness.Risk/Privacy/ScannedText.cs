namespace EvalHarness.Risk.Privacy;

/// <summary>
/// A text with a folded twin of the same length: full-width digits, letters and signs (０９０－１２３４) become
/// ASCII, the ideographic space a space, and dashes (including the long-vowel mark ー between digits) a hyphen.
/// One character maps to one character, so an offset found in <see cref="Folded"/> is an offset in
/// <see cref="Original"/>; NFKC would not keep that promise (it expands ㈱ and merges half-width kana marks).
/// </summary>
internal sealed class ScannedText
{
    public ScannedText(string original)
    {
        Original = original;
        Folded = Fold(original);
    }

    public string Original { get; }

    public string Folded { get; }

    public string Slice(int start, int length) => Original.Substring(start, length);

    private static string Fold(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            chars[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' => '-',
                _ => c,
            };
        }

        // ー and ｰ are hyphens only between digits (090ー1234ー5678); elsewhere they lengthen a vowel.
        for (var i = 1; i < chars.Length - 1; i++)
        {
            if (chars[i] is '\u30FC' or '\uFF70' && char.IsAsciiDigit(chars[i - 1]) && char.IsAsciiDigit(chars[i + 1]))
            {
                chars[i] = '-';
            }
        }

        return new string(chars);
    }
}
