using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Judges.Verdicts;

/// <summary>Finds the verdict in a judge's answer; the rules are documented on <see cref="VerdictGrammar"/>.</summary>
internal static partial class VerdictReader
{
    public static VerdictParse Read(string? answer, VerdictGrammar grammar)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return VerdictParse.Failed("the judge's answer is empty");
        }

        var text = answer.Normalize(NormalizationForm.FormKC);
        var valid = new List<(VerdictParse Verdict, string Evidence)>();
        (VerdictParse Verdict, string Evidence)? lastInvalid = null;
        foreach (var marker in Markers(text))
        {
            switch (Interpret(marker, grammar))
            {
                case null:
                    break;
                case { IsValid: true } verdict:
                    valid.Add((verdict, marker.Evidence));
                    break;
                case var problem:
                    lastInvalid = (problem, marker.Evidence);
                    break;
            }
        }

        if (valid.Count > 0)
        {
            var distinct = valid.DistinctBy(v => (v.Verdict.Label, v.Verdict.Value)).ToList();
            return distinct.Count == 1
                ? distinct[0].Verdict
                : VerdictParse.Failed($"ambiguous verdict: \"{JudgeText.Head(distinct[0].Evidence)}\" and \"{JudgeText.Head(distinct[1].Evidence)}\" disagree");
        }

        if (lastInvalid is { } invalid)
        {
            return WithEvidence(invalid.Verdict, invalid.Evidence);
        }

        return Bare(text, grammar)
            ?? VerdictParse.Failed($"no verdict ({grammar.Describe()}) found in the judge's answer: \"{JudgeText.Tail(answer)}\"");
    }

    /// <summary>An answer that is only a verdict, or whose last line is one.</summary>
    private static VerdictParse? Bare(string text, VerdictGrammar grammar)
    {
        if (BarePattern().Match(text) is { Success: true } whole)
        {
            var verdict = Interpret(new VerdictMarker(0, whole.Groups["value"].Value, whole.Groups["rest"].Value, text.Trim(), Enclosed: true), grammar)!;
            return verdict.IsValid ? verdict : WithEvidence(verdict, text.Trim());
        }

        var lastLine = text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? string.Empty;
        if (BarePattern().Match(lastLine) is { Success: true } line)
        {
            var verdict = Interpret(new VerdictMarker(0, line.Groups["value"].Value, line.Groups["rest"].Value, lastLine, Enclosed: true), grammar)!;
            return verdict.IsValid ? verdict : null;
        }

        return null;
    }

    private static IEnumerable<VerdictMarker> Markers(string text)
    {
        var markers = new List<VerdictMarker>();
        foreach (Match m in KeywordPattern().Matches(text))
        {
            var value = m.Groups["value"];
            var rest = m.Groups["rest"].Value;
            var closers = ClosersPattern().Match(rest).Length;
            var evidence = text[m.Index..(value.Index + value.Length + closers)];
            var onNextLine = m.Groups["gap"].Value.Contains('\n', StringComparison.Ordinal);
            markers.Add(new VerdictMarker(m.Index, value.Value, rest, evidence, Enclosed: false, onNextLine));
        }

        foreach (Match m in BracketPattern().Matches(text))
        {
            var content = ContentPattern().Match(m.Groups["content"].Value);
            markers.Add(content.Success
                ? new VerdictMarker(m.Index, content.Groups["value"].Value, content.Groups["rest"].Value, m.Value, Enclosed: true)
                : new VerdictMarker(m.Index, string.Empty, m.Groups["content"].Value, m.Value, Enclosed: true));
        }

        return markers.OrderBy(m => m.Index);
    }

    /// <summary>The verdict a marker states, an error saying why it is not one, or null when it was prose.</summary>
    private static VerdictParse? Interpret(VerdictMarker marker, VerdictGrammar grammar)
    {
        var value = marker.Value;
        var rest = marker.Rest;
        if (value.Length == 0)
        {
            return VerdictParse.Failed($"'{marker.Evidence.Trim()}' is not a verdict");
        }

        if (NumberPattern().IsMatch(value))
        {
            if (AlternativePattern().Match(rest) is { Success: true } alternative)
            {
                return VerdictParse.Failed($"'{value}{alternative.Value.TrimEnd()}' is not a single verdict");
            }

            if (MaximumPattern().IsMatch(rest) || (marker.OnNextLine && ListItemPattern().IsMatch(rest)))
            {
                return null;
            }

            int? outOf = null;
            if (DenominatorPattern().Match(rest) is { Success: true } denominator)
            {
                outOf = int.TryParse(denominator.Groups["max"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? max : -1;
                rest = rest[denominator.Length..];
            }

            if (marker.Enclosed && !IsBlank(rest))
            {
                return VerdictParse.Failed($"'{marker.Evidence.Trim()}' is not a single verdict");
            }

            return grammar.ReadNumber(value, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture), outOf);
        }

        if (!marker.Enclosed && ((ProsePattern().IsMatch(rest) && !ContinuationPattern().IsMatch(rest)) || WordAlternativePattern().IsMatch(rest)))
        {
            return null;
        }

        return marker.Enclosed && !IsBlank(rest)
            ? VerdictParse.Failed($"'{marker.Evidence.Trim()}' is not a single verdict")
            : grammar.ReadWord(value);
    }

    private static VerdictParse WithEvidence(VerdictParse problem, string evidence) =>
        VerdictParse.Failed($"{problem.Error} in \"{JudgeText.Head(evidence)}\"");

    private static bool IsBlank(string rest) => ClosersPattern().Match(rest).Length == rest.Length;

    // The keyword, then decoration, ':' or '=', decoration (which may span lines: "GRADE:\nC"), the value and
    // the rest of its line, looked at but not consumed so that a second marker on the same line is still found.
    // Japanese keywords need no word boundary; English ones must not end a longer word.
    [GeneratedRegex("""(?<![A-Za-z0-9_])(?:(?i:grade|verdict|rating|score|judge?ment|label|decision)|評価|判定|採点|スコア|評点|点数|得点)(?:結果)?["'*_ \t]*[:=](?<gap>[\s*_"'「『\[\(]*)(?<value>[+-]?[0-9]+(?:\.[0-9]+)?|[A-Za-z][A-Za-z0-9_]*)(?=(?<rest>[^\n]*))""", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPattern();

    [GeneratedRegex(@"\[\[(?<content>[^\[\]\n]{0,40})\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex BracketPattern();

    [GeneratedRegex(@"^\s*(?<value>[+-]?[0-9]+(?:\.[0-9]+)?|[A-Za-z][A-Za-z0-9_]*)(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ContentPattern();

    // The whole text (or line) is one value, with emphasis, quotes or brackets around it and a full stop after.
    [GeneratedRegex("""^\s*[*_"'「『\[\(]*\s*(?<value>[+-]?[0-9]+(?:\.[0-9]+)?|[A-Za-z][A-Za-z0-9_]*)(?<rest>\s*/\s*[0-9]+)?\s*[*_"'」』\]\)]*\s*[.。!]?\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex BarePattern();

    [GeneratedRegex("^[+-]?[0-9]+(?:\\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex("""^[\s*_"'」』\]\)]*""", RegexOptions.CultureInvariant)]
    private static partial Regex ClosersPattern();

    // "3 or 4", "3-4", "3〜4", "3から4": two verdicts, not one.
    [GeneratedRegex(@"^\s*(?:or|to|and|-|–|—|~|〜|または|か|から|や)\s*[+-]?[0-9]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AlternativePattern();

    [GeneratedRegex("""^["'*_\]\)\s]*(?:/|out\s+of\b)\s*(?<max>[0-9]+)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DenominatorPattern();

    // "5点満点中4点": the first number is the maximum.
    [GeneratedRegex(@"^\s*点?満点", RegexOptions.CultureInvariant)]
    private static partial Regex MaximumPattern();

    [GeneratedRegex(@"^[.)]\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex ListItemPattern();

    // A word after the value ("Verdict: The answer", "Grade: I think"), or a contraction ("I'm").
    [GeneratedRegex("""^(?:[ \t]+[A-Za-z]|['’][A-Za-z])""", RegexOptions.CultureInvariant)]
    private static partial Regex ProsePattern();

    [GeneratedRegex(@"^[ \t]+(?:because|since|as|given|due|based)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ContinuationPattern();

    // "CかIか", "C/I", "C、I": the labels listed as options, not chosen.
    [GeneratedRegex(@"^\s*(?:か|または|や|と|、|,|/)\s*[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex WordAlternativePattern();
}
