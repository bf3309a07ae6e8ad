namespace EvalHarness.Risk.Robustness;

/// <summary>
/// Which characters of an answer lie inside a quotation: 「」『』“”‘’«»《》, ASCII double quotes, single
/// quotes used as quotes (not apostrophes: don't), `code`, ``` fenced blocks, Markdown block quotes
/// (lines starting with &gt;) and HTML comments (&lt;!-- --&gt;, which a translated page keeps but nobody sees). A quote mark with no partner later in the text opens nothing, so one stray
/// mark cannot hide the rest of the answer.
/// </summary>
internal static class Quotations
{
    private const string Fence = "```";

    public static bool[] Mask(string text)
    {
        var quoted = new bool[text.Length];
        MarkFencesAndBlockQuotes(text, quoted);
        MarkHtmlComments(text, quoted);

        var open = new Stack<char>();
        for (var i = 0; i < text.Length; i++)
        {
            if (quoted[i] && open.Count == 0)
            {
                continue;
            }

            var c = text[i];
            if (open.Count > 0 && c == open.Peek() && (c != '\'' || !IsWordChar(text, i + 1)))
            {
                quoted[i] = true;
                open.Pop();
                continue;
            }

            if (Closer(text, i) is { } closer && text.IndexOf(closer, i + 1) >= 0)
            {
                open.Push(closer);
            }

            quoted[i] |= open.Count > 0;
        }

        return quoted;
    }

    /// <summary>True when the answer has no letter or digit outside quotation: it consists of the quotation itself.</summary>
    public static bool OnlyQuotation(string text, bool[] quoted)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!quoted[i] && char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char? Closer(string text, int i) => text[i] switch
    {
        '「' => '」',
        '『' => '』',
        '“' => '”',
        '‘' => '’',
        '«' => '»',
        '《' => '》',
        '"' => '"',
        '`' => '`',
        '\'' when !IsWordChar(text, i - 1) && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) => '\'',
        _ => null,
    };

    private static bool IsWordChar(string text, int i) => i >= 0 && i < text.Length && char.IsLetterOrDigit(text[i]);

    private static void MarkHtmlComments(string text, bool[] quoted)
    {
        var from = 0;
        while (text.IndexOf("<!--", from, StringComparison.Ordinal) is var start and >= 0
            && text.IndexOf("-->", start + 4, StringComparison.Ordinal) is var end and >= 0)
        {
            Array.Fill(quoted, true, start, end + 3 - start);
            from = end + 3;
        }
    }

    private static void MarkFencesAndBlockQuotes(string text, bool[] quoted)
    {
        var lines = new List<(int Start, int Length, bool Fence, bool BlockQuote)>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var line = text.AsSpan(start, end - start).TrimStart();
            lines.Add((start, end - start, line.StartsWith(Fence, StringComparison.Ordinal), line.StartsWith(">", StringComparison.Ordinal)));
            start = end + 1;
        }

        // A fence with no partner after it opens nothing.
        var remaining = lines.Count(l => l.Fence);
        var inFence = false;
        foreach (var (start, length, fence, blockQuote) in lines)
        {
            var toggles = false;
            if (fence)
            {
                remaining--;
                toggles = inFence || remaining > 0;
            }

            if (inFence || toggles || blockQuote)
            {
                Array.Fill(quoted, true, start, length);
            }

            inFence ^= toggles;
        }
    }
}
