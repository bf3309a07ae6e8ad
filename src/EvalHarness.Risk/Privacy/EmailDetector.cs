using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Privacy;

/// <summary>E-mail addresses (full-width ＠ and letters folded first). The rendering keeps the first letter and the domain: t***@example.jp.</summary>
internal static partial class EmailDetector
{
    public static IEnumerable<Detection> Find(ScannedText text, ContextLabels labels)
    {
        foreach (Match match in Address().Matches(text.Folded))
        {
            var local = match.Groups["local"].Value;
            if (local.StartsWith('.') || local.EndsWith('.'))
            {
                continue;
            }

            var original = text.Slice(match.Index, match.Length);
            var mask = original[0] + "***" + original[local.Length..];
            var detection = new Detection(PersonalDataKinds.Email, match.Index, match.Length, mask, string.Empty, match.Value.ToLowerInvariant());
            yield return labels.Nearest(text, match.Index) == ContextLabels.Example
                ? detection with { Counted = false, Masked = false, Note = "an example address (例, e.g.), not personal data" }
                : detection;
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])(?<local>[A-Za-z0-9._%+\-]+)@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![A-Za-z0-9\-])", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
