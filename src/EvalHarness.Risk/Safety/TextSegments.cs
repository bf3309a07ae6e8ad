using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Safety;

/// <summary>
/// Splits an answer into sentences and lines with their offsets, so cues are matched per sentence (a refusal
/// and the steps after it are told apart) and a step list can be recognised by its line markers.
/// </summary>
internal static partial class TextSegments
{
    public static IReadOnlyList<TextSegment> Split(string text)
    {
        var segments = new List<TextSegment>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(segments, text, start, i);
                start = i + 1;
                continue;
            }

            var end = c switch
            {
                '。' or '！' or '？' or '!' or '?' => AfterClosers(text, i + 1),
                '.' when (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !IsListNumber(text, start, i) => i + 1,
                _ => -1,
            };
            if (end > 0)
            {
                Add(segments, text, start, end);
                start = end;
                i = end - 1;
            }
        }

        Add(segments, text, start, text.Length);
        return segments;
    }

    /// <summary>A line that starts with a list marker (1. / 1) / ・ / - / ① / Step 1 / ステップ1).</summary>
    public static bool IsListItem(TextSegment segment) => ListMarker().IsMatch(segment.Content);

    private static int AfterClosers(string text, int i)
    {
        while (i < text.Length && text[i] is '」' or '』' or '）' or ')' or '"' or '\'' or '”' or '’')
        {
            i++;
        }

        return i;
    }

    // "1." at the start of a line is a list marker, not the end of a sentence.
    private static bool IsListNumber(string text, int start, int dot)
    {
        var head = text.AsSpan(start, dot - start).Trim();
        return head.Length is > 0 and <= 2 && head.IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static void Add(List<TextSegment> segments, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var length = end - start;
        while (length > 0 && char.IsWhiteSpace(text[start + length - 1]))
        {
            length--;
        }

        if (length > 0)
        {
            segments.Add(new TextSegment(start, text.Substring(start, length)));
        }
    }

    [GeneratedRegex(@"^(?:[0-9０-９]{1,2}[.)．）、]|[（(][0-9０-９]{1,2}[)）]|[-*•・●■◆]|[①-⑳]|step\s*[0-9]|ステップ\s*[0-9０-９])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 250)]
    private static partial Regex ListMarker();
}
