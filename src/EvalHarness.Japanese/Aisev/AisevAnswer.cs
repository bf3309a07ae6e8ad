using System.Text.RegularExpressions;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// Reads a multiple-choice reply as Inspect's <c>multiple_choice</c> solver does (aisev's intended scoring): first a
/// line that is only <c>ANSWER: &lt;letters&gt;</c>, else <c>ANSWER: &lt;letters, spaces, commas&gt;</c> anywhere.
/// Every captured character is taken as a letter, so <c>ANSWER: B is right</c> also picks I, S, R, H and T where
/// such options exist; that is Inspect's behaviour and is kept.
/// </summary>
internal static partial class AisevAnswer
{
    /// <summary>The option indexes chosen (each once, ascending), or null when the reply has no ANSWER line.</summary>
    public static IReadOnlyList<int>? Chosen(string reply, int choices)
    {
        var match = Strict().Match(reply);
        if (!match.Success)
        {
            match = Lenient().Match(reply);
        }

        return match.Success ? Indexes(match.Groups["letters"].Value).Where(i => i >= 0 && i < choices).Distinct().Order().ToList() : null;
    }

    /// <summary>One index per character, upper-cased, A = 0; spaces and commas give negative indexes that match no option.</summary>
    public static IEnumerable<int> Indexes(string letters) => letters.Select(c => char.ToUpperInvariant(c) - 'A');

    [GeneratedRegex(@"^ANSWER\s*:\s*(?<letters>[A-Za-z ,]+)\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Strict();

    [GeneratedRegex(@"ANSWER\s*:\s*(?<letters>[A-Za-z ,]+)(?:\W|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lenient();
}
