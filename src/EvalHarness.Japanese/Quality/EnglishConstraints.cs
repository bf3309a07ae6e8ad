using System.Text.RegularExpressions;
using RegexMatch = System.Text.RegularExpressions.Match;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Constraints stated in English: "within 100 characters", "in 50 words or fewer", "under 200 characters",
/// "at least 300 words", "about 100 words", "between 100 and 150 words", "list 3", "give me five examples",
/// "in 4 bullet points", "in JSON", "answer yes or no", "only the number".
/// </summary>
internal static partial class EnglishConstraints
{
    private const string Count = "[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

    private static readonly string[] Words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    public static void Find(string prompt, List<Constraint> found)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (RegexMatch m in LengthRange().Matches(prompt))
        {
            if (JapaneseConstraints.Parse(m.Groups["a"].Value) is { } a && JapaneseConstraints.Parse(m.Groups["b"].Value) is { } b && a <= b)
            {
                found.Add(new Constraint(Unit(m), Quote(m), a, b));
                ranges.Add((m.Index, m.Index + m.Length));
            }
        }

        foreach (RegexMatch m in LengthBound().Matches(prompt))
        {
            if (!ranges.Exists(r => m.Index < r.End && r.Start < m.Index + m.Length)
                && JapaneseConstraints.Parse(m.Groups["n"].Value) is { } n
                && Bound(m.Groups["pre"].Value, m.Groups["post"].Value, n, Unit(m), Quote(m)) is { } constraint)
            {
                found.Add(constraint);
            }
        }

        foreach (RegexMatch m in ItemCount().Matches(prompt))
        {
            if (CountOf(m.Groups["n"].Value) is { } n and >= 1 and <= 50)
            {
                found.Add(new Constraint(ConstraintKind.ListItems, Quote(m), n, n));
            }
        }

        if (Json().Match(prompt) is { Success: true } json)
        {
            found.Add(new Constraint(ConstraintKind.Json, Quote(json)));
        }

        if (YesNo().Match(prompt) is { Success: true } yesNo)
        {
            found.Add(new Constraint(ConstraintKind.YesNo, Quote(yesNo)));
        }

        if (NumberOnly().Match(prompt) is { Success: true } number)
        {
            found.Add(new Constraint(ConstraintKind.NumberOnly, Quote(number)));
        }
    }

    private static Constraint? Bound(string pre, string post, int n, ConstraintKind unit, string source)
    {
        var p = string.Join(' ', pre.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var q = post.Trim().ToLowerInvariant();
        if (q.StartsWith("or fewer", StringComparison.Ordinal) || q.StartsWith("or less", StringComparison.Ordinal) || q.StartsWith("or under", StringComparison.Ordinal) || q.StartsWith("max", StringComparison.Ordinal))
        {
            return new Constraint(unit, source, Max: n);
        }

        if (q.StartsWith("or more", StringComparison.Ordinal) || q.StartsWith("min", StringComparison.Ordinal))
        {
            return new Constraint(unit, source, Min: n);
        }

        return p switch
        {
            "within" or "in" or "at most" or "no more than" or "not more than" or "no longer than" or "not exceeding" or "up to"
                or "a maximum of" or "maximum of" or "max" or "maximum" => new Constraint(unit, source, Max: n),
            "under" or "fewer than" or "less than" or "below" => new Constraint(unit, source, Max: n - 1),
            "at least" or "no fewer than" or "no less than" or "a minimum of" or "minimum of" or "min" or "minimum" => new Constraint(unit, source, Min: n),
            "about" or "around" or "approximately" or "roughly" => Constraint.Approximately(unit, source, n),
            "exactly" => new Constraint(unit, source, n, n),
            _ => null,
        };
    }

    private static ConstraintKind Unit(RegexMatch m) =>
        m.Groups["unit"].Value.StartsWith("w", StringComparison.OrdinalIgnoreCase) ? ConstraintKind.Words : ConstraintKind.Characters;

    private static int? CountOf(string token)
    {
        var index = Array.IndexOf(Words, token.ToLowerInvariant());
        return index >= 0 ? index + 1 : JapaneseConstraints.Parse(token);
    }

    private static string Quote(RegexMatch m) => "\"" + m.Value.Trim() + "\"";

    [GeneratedRegex(@"\b(?:between\s+(?<a>[0-9][0-9,]*)\s+and\s+(?<b>[0-9][0-9,]*)|(?<a>[0-9][0-9,]*)\s*(?:-|–|to)\s*(?<b>[0-9][0-9,]*))\s*(?<unit>characters?|chars?|words?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex LengthRange();

    [GeneratedRegex(@"\b(?<pre>within|in|at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|not\s+exceeding|up\s+to|a\s+maximum\s+of|maximum\s+of|max(?:imum)?|under|fewer\s+than|less\s+than|below|at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|minimum\s+of|min(?:imum)?|about|around|approximately|roughly|exactly)?\s*(?<n>[0-9][0-9,]*)[\s-]*(?<unit>characters?|chars?|words?)\b(?<post>\s+or\s+(?:fewer|less|under|more)|\s+max(?:imum)?|\s+min(?:imum)?)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex LengthBound();

    [GeneratedRegex(@"\b(?:list|give(?:\s+me)?|name|provide|suggest|share|enumerate|write\s+down|offer|outline|identify|recommend|mention|describe|explain)\s+(?:exactly\s+|the\s+top\s+|top\s+)?(?<n>" + Count + @")\b(?!\s*(?:characters?|chars?|words?|sentences?|paragraphs?|lines?|letters?|%|percent|times|years?|minutes?|hours?|days?|seconds?|pages?)\b)|\b(?<n>" + Count + @")[\s-]+bullet(?:[\s-]+points?|s)?\b|\bin\s+(?<n>" + Count + @")\s+points\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex ItemCount();

    [GeneratedRegex(@"\b(?:in|as|using|use|return|returns|output|respond\s+with|reply\s+with|answer\s+with|answer\s+in|formatted\s+as|format\s+as|valid|only)\s+(?:(?:a|an|only|valid|strict|the|following|pure|raw)\s+)*JSON\b|\bJSON\s+only\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex Json();

    [GeneratedRegex(@"\b(?:answer|respond|reply)\b[^.?!\n]{0,20}?\byes\s*(?:or|/)\s*no\b|\byes\s*(?:or|/)\s*no\s+only\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex YesNo();

    [GeneratedRegex(@"\b(?:only|just)\s+(?:the|a)\s+(?:final\s+)?(?:number|numeric\s+(?:answer|value)|numerical\s+answer|integer)\b|\b(?:number|numeric\s+answer)\s+only\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex NumberOnly();
}
