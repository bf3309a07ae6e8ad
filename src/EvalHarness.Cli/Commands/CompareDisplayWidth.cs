using System.Globalization;
using System.Text;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Terminal columns a text takes: East Asian wide and full-width characters (CJK, kana, hangul, full-width forms)
/// take two, combining marks none, so tables with Japanese group names still line up.
/// </summary>
internal static class CompareDisplayWidth
{
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Columns(rune);
        }

        return width;
    }

    public static string Pad(string text, int width, bool right)
    {
        var padding = new string(' ', Math.Max(0, width - Of(text)));
        return right ? padding + text : text + padding;
    }

    private static int Columns(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        var v = rune.Value;
        var wide = v is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F
            or >= 0x20000 and <= 0x3FFFD;
        return wide ? 2 : 1;
    }
}
