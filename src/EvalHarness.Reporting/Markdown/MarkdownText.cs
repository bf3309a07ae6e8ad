using System.Text;

namespace EvalHarness.Reporting.Markdown;

/// <summary>
/// Makes untrusted text (suite names, ids, group values, error messages from endpoints) safe to put
/// in a Markdown table cell or line: it shows up as the literal text and cannot break the table,
/// render HTML, or turn into a link, image, emphasis or math on GitHub.
/// </summary>
public static class MarkdownText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                // A raw pipe ends the cell even inside code spans, so backticks are escaped too rather than relied on.
                case '\\' or '|' or '`' or '*' or '_' or '[' or ']' or '~' or '$':
                    result.Append('\\').Append(c);
                    break;

                // Entities rather than backslashes: GitHub renders inline HTML, and &amp; keeps a literal "&lt;" literal.
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '&':
                    result.Append("&amp;");
                    break;

                // A line break ends the table row; CRLF becomes one space, not two.
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\u2028' or '\u2029':
                    result.Append(' ');
                    break;
                default:
                    result.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return result.ToString();
    }
}
