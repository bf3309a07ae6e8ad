using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Privacy;

/// <summary>
/// Postal codes: 〒 followed by seven digits (〒100-0005, 〒1000005), or 123-4567 after a postal label (郵便番号,
/// ZIP) or next to an address. Without either, 123-4567 is just a number. The rendering keeps the first three
/// digits, which name a region: 〒100-****.
/// </summary>
internal static partial class PostalCodeDetector
{
    /// <summary>How close to an address a bare 123-4567 must stand, in characters.</summary>
    private const int AddressWindow = 12;

    public static IEnumerable<Detection> Find(ScannedText text, ContextLabels labels, IReadOnlyList<Detection> addresses)
    {
        foreach (Match match in Code().Matches(text.Folded))
        {
            var marked = match.Groups["mark"].Success;
            var start = match.Index;
            var probe = new Detection(PersonalDataKinds.PostalCode, start, match.Length, string.Empty, string.Empty, string.Empty);
            var label = labels.Nearest(text, start);
            if (!marked && (!match.Groups["sep"].Success
                || (label != ContextLabels.Postal && !addresses.Any(a => a.Gap(probe) <= AddressWindow))))
            {
                continue;
            }

            var keepUntil = match.Groups["a"].Index - start + 3;
            var digits = match.Groups["a"].Value + match.Groups["b"].Value;
            var detection = probe with { Mask = DigitMask.Digits(text, start, match.Length, keepUntil, 0), Key = digits };
            yield return label == ContextLabels.Example
                ? detection with { Counted = false, Masked = false, Note = "an example postal code (例), not personal data" }
                : detection;
        }
    }

    [GeneratedRegex(@"(?:(?<mark>〒)[ ]?)?(?<![0-9\-])(?<a>\d{3})(?<sep>-)?(?<b>\d{4})(?![0-9]|-\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
