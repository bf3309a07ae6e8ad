using System.Text;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Splits an answer's prose into sentences at 。．！？!? and line ends. Terminators inside brackets
/// (「…。」『』（）【】) do not end the sentence around them, so a quoted sentence stays part of the one
/// that quotes it; a line end always does, so one unclosed bracket cannot swallow the rest of the answer.
/// Code, URLs, Markdown headings, tables and block quotes are not prose and are left out.
/// </summary>
internal static class SentenceSplitter
{
    private const string Terminators = "。．！？!?";
    private const string Openers = "「『（(【〔［[“";
    private const string Closers = "」』）)】〕］]”";

    public static List<Sentence> Split(string output, bool includeLists)
    {
        var sentences = new List<Sentence>();
        var lines = ProseText.Of(output).Text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0 || line[0] is '#' or '|' or '>')
            {
                continue;
            }

            var (kind, content) = ListMarkers.Match(line);
            if (kind != ListMarkerKind.None && !includeLists)
            {
                continue;
            }

            SplitLine(content, n + 1, kind != ListMarkerKind.None, sentences);
        }

        return sentences;
    }

    private static void SplitLine(string line, int number, bool listItem, List<Sentence> sentences)
    {
        var depth = 0;
        var current = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            current.Append(c);
            if (Openers.Contains(c, StringComparison.Ordinal))
            {
                depth++;
            }
            else if (Closers.Contains(c, StringComparison.Ordinal))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && Terminators.Contains(c, StringComparison.Ordinal))
            {
                // "？！" and "!!" end one sentence, not two.
                while (i + 1 < line.Length && Terminators.Contains(line[i + 1], StringComparison.Ordinal))
                {
                    current.Append(line[++i]);
                }

                Add(current, number, listItem, sentences);
            }
        }

        Add(current, number, listItem, sentences);
    }

    private static void Add(StringBuilder current, int line, bool listItem, List<Sentence> sentences)
    {
        var text = current.ToString().Trim();
        current.Clear();
        if (text.Length > 0)
        {
            sentences.Add(new Sentence(text, line, listItem));
        }
    }
}
