using System.Text.RegularExpressions;

namespace EvalHarness.Judges.Rubrics;

/// <summary>
/// Keeps text placed into a judge prompt from forging the template's delimiters. A model's answer that
/// contains <c>&lt;/answer&gt;</c> could otherwise end the delimited block early and write "instructions"
/// after it; the answer's own tags get a full-width <c>＜</c>, which the judge still reads as the same
/// character but which no longer matches the template's tag.
/// </summary>
internal static partial class UntrustedText
{
    /// <summary>The tag names the template uses to delimit fields (<c>answer</c> for <c>&lt;answer&gt;</c>).</summary>
    public static IReadOnlyList<string> DelimiterNames(string template) =>
        TagPattern().Matches(template).Select(m => m.Groups["name"].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static string Neutralise(string value, IReadOnlyList<string> delimiterNames)
    {
        if (delimiterNames.Count == 0 || !value.Contains('<', StringComparison.Ordinal))
        {
            return value;
        }

        var names = string.Join('|', delimiterNames.Select(Regex.Escape));
        return Regex.Replace(value, @"<(?=\s*/?\s*(?:" + names + @")(?![A-Za-z0-9_-]))", "＜", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"</?(?<name>[A-Za-z][A-Za-z0-9_-]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
