using System.Text.RegularExpressions;
using EvalHarness.Suites;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// The letters an MC2 answer selected: after the last answer marker (<c>ANSWER: A, C</c>, <c>答え：A、C</c>),
/// or an answer that is nothing but letters. Letters beyond the options are ignored.
/// </summary>
internal static partial class Mc2Selection
{
    public static SortedSet<int>? Read(string output, int optionCount)
    {
        var text = AnswerAnalyzer.Normalize(output);
        var markers = Marker().Matches(text);
        string? list = null;
        if (markers.Count > 0)
        {
            list = markers[^1].Groups["list"].Value;
        }
        else if (LettersOnly().IsMatch(text))
        {
            list = text;
        }

        if (list is null)
        {
            return null;
        }

        var selected = new SortedSet<int>();
        foreach (Match m in Letter().Matches(list))
        {
            var index = ChoiceLabels.IndexOf(m.Value[0]);
            if (index >= 0 && index < optionCount)
            {
                selected.Add(index);
            }
        }

        return selected.Count == 0 ? null : selected;
    }

    [GeneratedRegex(@"(?:answers?|答え|回答|解答|正解)\s*(?:is|are|は)?\s*[:=]\s*(?<list>[^\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*\(?[A-Z]\)?(?:\s*(?:,|、|and|と|&|/)?\s*\(?[A-Z]\)?)*\s*[.。]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LettersOnly();

    [GeneratedRegex(@"(?<![A-Za-z])[A-Z](?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Letter();
}
