using System.Globalization;
using System.Text;
using EvalHarness.Scorers.Text;

namespace EvalHarness.Japanese.Quality;

/// <summary>Measures an output against one constraint.</summary>
internal static class ConstraintChecker
{
    /// <summary>
    /// Unicode code points that are not whitespace: what 「100文字以内」 means to a reader counting by hand.
    /// Markdown's bold markers (<c>**</c>, <c>__</c>) are not counted: the reader sees emphasis, not asterisks.
    /// </summary>
    public static int Characters(string output) =>
        output.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal).EnumerateRunes().Count(r => !Rune.IsWhiteSpace(r));

    /// <summary>Lines with something other than whitespace on them.</summary>
    public static int Lines(string output) => output.Split('\n').Count(line => !string.IsNullOrWhiteSpace(line));

    /// <summary>Whitespace-separated tokens with at least one letter or digit (a lone "-" bullet is not a word).</summary>
    public static int Words(string output) =>
        output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.EnumerateRunes().Any(Rune.IsLetterOrDigit));

    public static ConstraintResult Check(Constraint constraint, string output)
    {
        switch (constraint.Kind)
        {
            case ConstraintKind.Characters:
                return Bounded(constraint, Characters(output), "characters");
            case ConstraintKind.Words:
                return Bounded(constraint, Words(output), "words");
            case ConstraintKind.Lines:
                return Bounded(constraint, Lines(output), "lines");
            case ConstraintKind.ListItems:
                var (count, kind) = ListItems.Count(output);
                var style = kind switch
                {
                    ListMarkerKind.Ordered => " (numbered)",
                    ListMarkerKind.Unordered => " (bulleted)",
                    _ => string.Empty,
                };
                return Bounded(constraint, count, "list items" + style);
            case ConstraintKind.Json:
                var (ok, detail) = JsonAnswer.Check(output);
                return new ConstraintResult(constraint, ok, detail, null);
            case ConstraintKind.YesNo:
                var answer = Bare(output);
                var yesNo = answer.ToLowerInvariant() is "はい" or "いいえ" or "yes" or "no";
                return new ConstraintResult(constraint, yesNo, $"the answer is '{Snippet.Of(answer, 40)}'", null);
            case ConstraintKind.NumberOnly:
                var bare = Bare(output).Replace('\u2212', '-');
                var number = decimal.TryParse(bare, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
                return new ConstraintResult(constraint, number, $"the answer is '{Snippet.Of(bare, 40)}'", null);
            default:
                return new ConstraintResult(constraint, false, "unknown constraint", null);
        }
    }

    private static ConstraintResult Bounded(Constraint constraint, int measured, string unit)
    {
        var ok = (constraint.Min is not { } min || measured >= min) && (constraint.Max is not { } max || measured <= max);
        return new ConstraintResult(constraint, ok, measured.ToString(CultureInfo.InvariantCulture) + " " + unit, measured);
    }

    /// <summary>The answer without surrounding space, quotes, emphasis and a final full stop: 「はい。」 → はい.</summary>
    private static string Bare(string output)
    {
        var text = output.Normalize(NormalizationForm.FormKC).Trim();
        var previous = string.Empty;
        while (text != previous)
        {
            previous = text;
            text = text.Trim().TrimEnd('。', '.', '!', '！').Trim('「', '」', '"', '\'', '*', '`', '“', '”');
        }

        return text;
    }
}
