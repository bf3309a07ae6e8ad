using System.Text;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Makes untrusted text (item ids and labels from the labelled files, judge specs, judge errors quoting a
/// judge's reply) literal in a Markdown line or table cell: it cannot break the table, render HTML, or become a
/// link, image, emphasis or math. The same rules as the run reports' Markdown (EvalHarness.Reporting), whose
/// escaper is internal to that pack.
/// </summary>
internal static class JudgeCheckMarkdownText
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
                case '\\' or '|' or '`' or '*' or '_' or '[' or ']' or '~' or '$' or '#' or '!':
                    result.Append('\\').Append(c);
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '&':
                    result.Append("&amp;");
                    break;
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
