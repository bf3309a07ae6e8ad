using System.Text;
using System.Text.RegularExpressions;
using EvalHarness.Suites;
using EvalHarness.Scorers.Text;

namespace EvalHarness.Scorers.Choice;

/// <summary>
/// Finds which option a free-text answer chose. Tried in order, the first that yields one option wins:
/// an explicit answer marker (<c>ANSWER: B</c>, <c>答え：B</c>, <c>正解はBです</c>, the last one counts);
/// a bare label (<c>B</c>, <c>(B)</c>, <c>Ｂ</c>); a leading label (<c>B) Tokyo</c>); the text of exactly one
/// option; a single stand-alone capital label. An option the text rejects ("A is wrong", "Aは誤り",
/// "金星ではなく", "not A") does not count as chosen, and alternatives ("A or B") are no answer. Anything
/// else is "no answer", never a guess.
/// </summary>
public static partial class ChoiceExtractor
{
    public static ChoiceAnswer? Extract(string output, IReadOnlyList<string> choices) =>
        Extract(output, choices, TextNormalization.Default);

    /// <param name="normalization">NFKC folds full-width labels and options first; case folding applies to
    /// option texts (letter labels follow their own rules above).</param>
    public static ChoiceAnswer? Extract(string output, IReadOnlyList<string> choices, TextNormalization normalization)
    {
        var text = normalization.Nfkc ? output.Normalize(NormalizationForm.FormKC) : output;
        var count = choices.Count;

        if (LastValid(MarkerPattern().Matches(text), count) is { } marked)
        {
            return marked;
        }

        if (Valid(BarePattern().Match(text), count) is { } bare)
        {
            return bare;
        }

        if (Valid(LeadingPattern().Match(text), count) is { } leading)
        {
            return leading;
        }

        if (ByOptionText(text, choices, normalization) is { } byText)
        {
            return byText;
        }

        return ByLoneLabel(text, count);
    }

    private static ChoiceAnswer? LastValid(MatchCollection matches, int count)
    {
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            if (Valid(matches[i], count) is { } answer)
            {
                return answer;
            }
        }

        return null;
    }

    private static ChoiceAnswer? Valid(System.Text.RegularExpressions.Match match, int count)
    {
        if (!match.Success)
        {
            return null;
        }

        var index = ChoiceLabels.IndexOf(match.Groups["label"].Value[0]);
        return index >= 0 && index < count ? new ChoiceAnswer(index, match.Value.Trim()) : null;
    }

    private static ChoiceAnswer? ByOptionText(string text, IReadOnlyList<string> choices, TextNormalization normalization)
    {
        var haystack = Fold(text, normalization);
        var found = new List<(int Index, string Option)>();
        for (var i = 0; i < choices.Count; i++)
        {
            var option = Fold(choices[i], normalization);
            if (option.Length == 0)
            {
                continue;
            }

            // An answer that is exactly one option's text settles it even when options overlap.
            if (haystack.Trim().TrimEnd('.', '。', '!', '！') == option)
            {
                return new ChoiceAnswer(i, choices[i]);
            }

            if (Mentions(haystack, option))
            {
                found.Add((i, option));
            }
        }

        // "cat food" mentioned means "cat" is not a separate mention.
        var distinct = found.Where(f => !found.Exists(g => g.Index != f.Index && g.Option.Length > f.Option.Length && g.Option.Contains(f.Option, StringComparison.Ordinal))).ToList();
        return distinct.Count == 1 ? new ChoiceAnswer(distinct[0].Index, choices[distinct[0].Index]) : null;
    }

    private static bool Mentions(string haystack, string option)
    {
        for (var at = haystack.IndexOf(option, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(option, at + 1, StringComparison.Ordinal))
        {
            var end = at + option.Length;
            var cutBefore = at > 0 && IsWordChar(option[0]) && IsWordChar(haystack[at - 1]);
            var cutAfter = end < haystack.Length && IsWordChar(option[^1]) && IsWordChar(haystack[end]);
            if (!cutBefore && !cutAfter && !IsRejected(haystack, at, end))
            {
                return true;
            }
        }

        return false;
    }

    // Scripts written with spaces need whole words: "No" is not mentioned in "Not sure", nor "1月" in "11月".
    // Japanese and Chinese run words together, so "富士山" still counts inside "富士山頂".
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && c < '\u2E80';

    private static ChoiceAnswer? ByLoneLabel(string text, int count)
    {
        var labels = new HashSet<int>();
        string? evidence = null;
        foreach (System.Text.RegularExpressions.Match m in LonePattern().Matches(text))
        {
            var index = ChoiceLabels.IndexOf(m.Groups["label"].Value[0]);
            if (index >= 0 && index < count && !IsRejected(text, m.Index, m.Index + m.Length))
            {
                labels.Add(index);
                evidence = m.Value;
            }
        }

        return labels.Count == 1 ? new ChoiceAnswer(labels.Single(), evidence!.Trim()) : null;
    }

    private static bool IsRejected(string text, int start, int end) =>
        RejectedBefore().IsMatch(text.AsSpan(0, start)) || RejectedAfter().IsMatch(text.AsSpan(end));

    // Options need the same NFKC as the output, or a full-width option ("１９６４年") never matches anything.
    private static string Fold(string s, TextNormalization normalization)
    {
        var folded = normalization.Nfkc ? s.Normalize(NormalizationForm.FormKC) : s;
        folded = normalization.IgnoreCase ? folded.ToLowerInvariant() : folded;
        return string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // After NFKC: full-width colon and brackets are ASCII; Japanese corner brackets remain. Separators may
    // stack ("正解は：B", "answer is: B"). A lower-case "a" followed by a word is the article ("the answer is
    // a matter of taste"), not option A.
    [GeneratedRegex(@"(?:final\s+answer|correct\s+answer|answer|答え|回答|解答|正解|選択肢)(?:\s*(?:is|は|:|=|-))*\s*(?:option\s*|選択肢\s*)?[\(\[「『]?\s*(?!(?-i:a)\s+[A-Za-z])(?<label>[A-Za-z])(?![A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^\s*[\(\[「『*]*\s*(?<label>[A-Za-z])\s*[\)\]」』*]*\s*[\.。:]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BarePattern();

    [GeneratedRegex(@"^\s*[\(\[「『*]*(?<label>[A-Z])[\)\]」』\.:。、]", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPattern();

    // A capital letter standing alone. "A" or "I" followed by a lower-case word is the English article or
    // pronoun ("A planet", "I think"), unless that word links alternatives or states a verdict ("A or B", "A is").
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<label>[A-Z])(?![A-Za-z0-9])(?!(?<=[AI])\s+(?!(?:or|and|nor|is|was|seems|looks|fits|because|since|but|vs|versus|then|would|could|should|must|will|as)\b)[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex LonePattern();

    // "not A", "isn't A", "rather than A" just before the mention.
    [GeneratedRegex(@"(?:\bnot|n't|\brather\s+than|\binstead\s+of)\s*[\(\[「『]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RejectedBefore();

    // "A is wrong", "A (Venus) is incorrect", "Aは誤り", "金星ではなく", "A以外" just after the mention.
    [GeneratedRegex(@"^[\)\]」』]?\s*(?:\([^)]{0,40}\)\s*)?(?:(?:is|are|was|seems|looks)\s+(?:wrong|incorrect|false|not\b|implausible|ruled\s+out)|(?:は|も|が)?(?:誤り|間違い|不正解|誤答|違います|違う|正しくない|正しくありません|ではな|じゃな|ではありません|以外))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RejectedAfter();
}
