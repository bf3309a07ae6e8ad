namespace EvalHarness.Judges.Rubrics;

/// <summary>
/// The placeholders of a template and where they are, read with exactly the rules of
/// <see cref="EvalHarness.Solvers.PromptTemplate"/> (which reports names but not positions): <c>{{</c> and
/// <c>}}</c> are literal braces, and a brace that does not open a well-formed name is kept as written.
/// </summary>
internal static class TemplateScanner
{
    public static IReadOnlyList<(string Name, int Index)> Placeholders(string text)
    {
        var found = new List<(string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                i += 2;
                continue;
            }

            if (c == '{')
            {
                var end = i + 1;
                while (end < text.Length && IsNameChar(text[end], end == i + 1))
                {
                    end++;
                }

                if (end < text.Length && end > i + 1 && text[end] == '}')
                {
                    found.Add((text[(i + 1)..end], i));
                    i = end + 1;
                    continue;
                }
            }

            i++;
        }

        return found;
    }

    private static bool IsNameChar(char c, bool first) =>
        c == '_' || char.IsAsciiLetter(c) || (!first && (char.IsAsciiDigit(c) || c == '.' || c == '-'));
}
