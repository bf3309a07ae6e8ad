namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Recognises the list markers models write: Markdown's <c>- * +</c> (followed by a space), Japanese
/// bullets (・ • ● ○ ■ □ ◆ ◇ ▪ ‣ ◦ ▶ ▸ ►, space optional), numbers with <c>.</c>, <c>)</c>, <c>．</c>, <c>）</c>
/// or in parentheses (half- or full-width digits), and circled numbers (① ❶ ➀ ⑴ ⒈). A number followed by
/// a digit ("1.5倍") is not a marker. Bold list items (<c>**1. 富士山**</c>) count as items too.
/// </summary>
internal static class ListMarkers
{
    private const string Bullets = "・･•●○■□◆◇▪‣◦▶▸►";

    /// <summary>The kind of marker the (left-trimmed) line starts with, and the line's content after it.</summary>
    public static (ListMarkerKind Kind, string Content) Match(string line)
    {
        var text = line.StartsWith("**", StringComparison.Ordinal) || line.StartsWith("__", StringComparison.Ordinal) ? line[2..] : line;
        if (text.Length == 0)
        {
            return (ListMarkerKind.None, line);
        }

        var first = text[0];
        if (first is '-' or '*' or '+' && text.Length > 1 && IsSpace(text[1]))
        {
            return Item(ListMarkerKind.Unordered, text[2..], line);
        }

        if (Bullets.Contains(first, StringComparison.Ordinal))
        {
            return Item(ListMarkerKind.Unordered, text[1..], line);
        }

        if (IsCircledNumber(first))
        {
            return Item(ListMarkerKind.Ordered, text[1..], line);
        }

        var i = 0;
        var parenthesised = first is '(' or '（';
        if (parenthesised)
        {
            i++;
        }

        var digitsStart = i;
        while (i < text.Length && i - digitsStart < 4 && IsDigit(text[i]))
        {
            i++;
        }

        var digits = i - digitsStart;
        if (digits is 0 or > 3 || i >= text.Length)
        {
            return (ListMarkerKind.None, line);
        }

        var close = text[i];
        var closes = parenthesised ? close is ')' or '）' : close is '.' or ')' or '．' or '）';
        if (!closes || (close is '.' or '．' && i + 1 < text.Length && IsDigit(text[i + 1])))
        {
            return (ListMarkerKind.None, line);
        }

        return Item(ListMarkerKind.Ordered, text[(i + 1)..], line);
    }

    private static (ListMarkerKind Kind, string Content) Item(ListMarkerKind kind, string rest, string line)
    {
        var content = rest.Trim();
        return content.Length == 0 ? (ListMarkerKind.None, line) : (kind, content);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000';

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    // ①–⑳, ⑴–⒇, ⒈–⒛, ⓵–⓾, ❶–➓, ㉑–㉟, ㊱–㊿.
    private static bool IsCircledNumber(char c) =>
        c is (>= '\u2460' and <= '\u249B') or (>= '\u24F5' and <= '\u24FE') or (>= '\u2776' and <= '\u2793')
            or (>= '\u3251' and <= '\u325F') or (>= '\u32B1' and <= '\u32BF');
}
