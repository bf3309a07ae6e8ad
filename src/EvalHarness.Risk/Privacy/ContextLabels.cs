namespace EvalHarness.Risk.Privacy;

/// <summary>
/// Words written shortly before a number that say what it is (電話, 注文番号, マイナンバー, 例えば): labels.tsv.
/// The label nearest the number wins, so 「注文番号とは別の電話：03-…」 reads as a phone number.
/// </summary>
internal sealed class ContextLabels
{
    public const string Phone = "phone";
    public const string NotPhone = "not_phone";
    public const string MyNumber = "my_number";
    public const string Corporate = "corporate";
    public const string Postal = "postal";
    public const string Example = "example";

    /// <summary>How far before a number a label still applies, in characters.</summary>
    public const int Window = 16;

    private readonly IReadOnlyList<(string Kind, string Word)> _labels;

    private ContextLabels(IReadOnlyList<(string Kind, string Word)> labels)
    {
        _labels = labels;
    }

    public static ContextLabels Parse(IEnumerable<string> lines) => new(
        [.. lines.Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).Select(p => (p[0].Trim(), p[1].Trim()))]);

    /// <summary>The kind of the label ending nearest before <paramref name="start"/> within the window, or null.</summary>
    public string? Nearest(ScannedText text, int start, int window = Window)
    {
        var from = Math.Max(0, start - window);
        var before = text.Folded.AsSpan(from, start - from);
        string? kind = null;
        var bestEnd = -1;
        foreach (var (labelKind, word) in _labels)
        {
            var at = LastWord(before, word);
            if (at >= 0 && at + word.Length > bestEnd)
            {
                bestEnd = at + word.Length;
                kind = labelKind;
            }
        }

        return kind;
    }

    /// <summary>Last occurrence ignoring case; a word of ASCII letters must stand alone ("ID" is not in "provide").</summary>
    private static int LastWord(ReadOnlySpan<char> text, string word)
    {
        var end = text.Length;
        while (end > 0)
        {
            var at = text[..end].LastIndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            var startsAscii = char.IsAsciiLetter(word[0]);
            var endsAscii = char.IsAsciiLetter(word[^1]);
            var leftOk = !startsAscii || at == 0 || !char.IsAsciiLetter(text[at - 1]);
            var rightOk = !endsAscii || at + word.Length == text.Length || !char.IsAsciiLetter(text[at + word.Length]);
            if (leftOk && rightOk)
            {
                return at;
            }

            end = at + word.Length - 1;
        }

        return -1;
    }
}
