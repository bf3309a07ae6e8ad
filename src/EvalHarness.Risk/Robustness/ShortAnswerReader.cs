using System.Globalization;
using EvalHarness.Scorers.Numeric;

namespace EvalHarness.Risk.Robustness;

/// <summary>
/// Reads a short answer and normalises it so that the same answer in other words or widths compares equal.
/// The answer span is the text after the last answer marker (答え：, Answer:) on its line, else the first
/// non-empty line; when the span holds no target (or no number), the whole output is searched. Numeric items
/// (every target a number) compare numbers (１２, 12, 十二); text items compare the target found, so 「富士山」,
/// "ふじさん" and "Mt. Fuji" listed as targets all read as the first target; any other answer is its span with
/// punctuation, quotes and a closing です／だ／である removed.
/// </summary>
internal static class ShortAnswerReader
{
    private static readonly string[] Copulas = ["でございます", "である", "でした", "です", "だ"];

    public static ShortAnswer Read(string output, IReadOnlyList<string> targets)
    {
        var text = RobustText.Normalize(output);
        var span = Span(text);
        var numbers = targets.Select(Number).ToList();
        if (numbers.Count > 0 && numbers.TrueForAll(n => n is not null))
        {
            var read = NumberExtractor.Extract(span) ?? NumberExtractor.Extract(text);
            if (read is { Value: var value })
            {
                return new ShortAnswer(value.ToString("R", CultureInfo.InvariantCulture), numbers.Exists(n => Math.Abs(n!.Value - value) <= 1e-9 * Math.Max(1, Math.Abs(value))), span);
            }

            return new ShortAnswer(Clean(span), false, span);
        }

        var aliases = targets.Select(RobustText.Normalize).Where(t => t.Length > 0).ToList();
        if (aliases.Count > 0 && (aliases.Exists(a => Contains(span, a)) || aliases.Exists(a => Contains(text, a))))
        {
            return new ShortAnswer(aliases[0], true, span);
        }

        return new ShortAnswer(Clean(span), false, span);
    }

    private static double? Number(string target) =>
        double.TryParse(RobustText.Normalize(target).Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    // Spaces are ignored on both sides: "mt.fuji" and "mt. fuji", 「富士 山」 and 「富士山」.
    private static bool Contains(string text, string alias) =>
        text.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(alias.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

    private static string Span(string text)
    {
        var best = -1;
        foreach (var marker in RobustnessResources.AnswerMarkers)
        {
            var at = text.LastIndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at + marker.Length > best)
            {
                best = at + marker.Length;
            }
        }

        if (best >= 0)
        {
            var end = text.IndexOf('\n', best);
            var after = (end < 0 ? text[best..] : text[best..end]).Trim();
            if (after.Length > 0)
            {
                return after;
            }
        }

        return text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
    }

    private static string Clean(string span)
    {
        var s = span.Replace("**", string.Empty, StringComparison.Ordinal).Trim().TrimStart('-', '*', '・', ' ');
        string before;
        do
        {
            before = s;
            s = s.Trim().Trim('。', '.', '!', '?', '、', ',', '「', '」', '『', '』', '"', '\'', ' ');
            foreach (var copula in Copulas)
            {
                if (s.EndsWith(copula, StringComparison.Ordinal) && s.Length > copula.Length)
                {
                    s = s[..^copula.Length];
                    break;
                }
            }
        }
        while (s != before);

        return s;
    }
}
