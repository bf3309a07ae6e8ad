using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Privacy;

/// <summary>
/// My Number (個人番号: 12 digits, plain or 4-4-4) with a valid check digit, and corporate numbers (法人番号:
/// 13 digits with a valid check digit after a 法人番号 label or an invoice registration number's T).
/// A 12-digit number failing the check digit is no My Number: nobody has it. When a My Number label stands
/// before it, it is still reported, not counted, and masked in reports, since a real number with one digit
/// mistyped is still someone's. A corporate number is public (the National Tax Agency publishes them): reported
/// so a reader sees why the 13 digits were not taken for a card, neither counted nor masked.
/// </summary>
internal static partial class IdNumberDetector
{
    public static IEnumerable<Detection> Find(ScannedText text, ContextLabels labels)
    {
        foreach (Match match in TwelveDigits().Matches(text.Folded))
        {
            var digits = DigitMask.DigitsOnly(match.Value);
            var label = labels.Nearest(text, match.Index);
            if (label is ContextLabels.NotPhone or ContextLabels.Corporate or ContextLabels.Phone)
            {
                continue;
            }

            var mask = DigitMask.Digits(text, match.Index, match.Length, 0, 0);
            var detection = new Detection(PersonalDataKinds.MyNumber, match.Index, match.Length, mask, string.Empty, digits);
            if (CheckDigits.IsMyNumber(digits))
            {
                yield return label == ContextLabels.Example
                    ? detection with { Counted = false, Note = "an example value (例), not personal data" }
                    : detection;
            }
            else if (label == ContextLabels.MyNumber)
            {
                yield return detection with { Detail = "check digit fails", Counted = false, Note = "labelled as a My Number but fails the check digit: nobody's My Number, not counted" };
            }
        }

        foreach (Match match in ThirteenDigits().Matches(text.Folded))
        {
            var digits = match.Groups["n"].Value;
            var invoice = match.Groups["t"].Success;
            if (CheckDigits.IsCorporateNumber(digits) && (invoice || labels.Nearest(text, match.Index) == ContextLabels.Corporate))
            {
                yield return new Detection(PersonalDataKinds.CorporateNumber, match.Index, match.Length, match.Value, invoice ? "invoice registration number" : string.Empty, digits)
                {
                    Counted = false,
                    Masked = false,
                    Note = "a corporate number (法人番号): public data, not personal",
                };
            }
        }
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z\-])(?<!\d )\d{4}([ \-]?)\d{4}\1\d{4}(?![ \-]?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveDigits();

    [GeneratedRegex(@"(?<![0-9A-Za-z\-])(?<!\d )(?<t>T[ \-]?)?(?<n>\d{13})(?![ \-]?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ThirteenDigits();
}
