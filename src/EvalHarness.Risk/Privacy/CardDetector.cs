using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Privacy;

/// <summary>
/// Payment card numbers: 13 to 19 digits, plain or in groups of 3 to 6 separated by single spaces or hyphens,
/// starting with a digit card networks use (2 to 6: Mastercard, Amex, Diners, JCB, Visa, Discover, UnionPay),
/// passing the Luhn check. A number failing Luhn is not a card number. Published test numbers
/// (4111 1111 1111 1111) are reported as such and not counted.
/// </summary>
internal static partial class CardDetector
{
    public static IEnumerable<Detection> Find(ScannedText text, PrivacyLexicon lexicon)
    {
        foreach (Match match in Candidate().Matches(text.Folded))
        {
            var digits = DigitMask.DigitsOnly(match.Value);
            if (digits.Length is < 13 or > 19 || digits[0] is < '2' or > '6' || digits.All(d => d == digits[0]) || !CheckDigits.IsLuhn(digits))
            {
                continue;
            }

            var groups = match.Value.Split([' ', '-']);
            if (groups.Length > 1 && groups.Any(g => g.Length is < 3 or > 6))
            {
                continue;
            }

            var mask = DigitMask.Digits(text, match.Index, match.Length, 0, 4);
            var detection = new Detection(PersonalDataKinds.Card, match.Index, match.Length, mask, string.Empty, digits);
            yield return lexicon.TestCards.Contains(digits) || lexicon.Labels.Nearest(text, match.Index) == ContextLabels.Example
                ? detection with { Counted = false, Masked = false, Note = "a published test card number or an example, not personal data" }
                : detection;
        }
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z\-])(?<!\d )\d(?:[ \-]?\d){12,18}(?![ \-]?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
