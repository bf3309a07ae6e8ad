using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Privacy;

/// <summary>
/// Japanese telephone numbers: mobile (060/070/080/090), IP (050), toll-free (0120, 0800), navi dial (0570)
/// and landlines (10 digits: 2-digit areas 03 and 06, then 3-, 4- and 5-digit areas, subscriber number of 4),
/// with hyphens, spaces, dots, parentheses (03(1234)5678, (03) 1234-5678), full-width digits and +81 forms
/// (+81 90-1234-5678, +81 (0)3 1234 5678). The grouping must be one Japan uses: 090-1234-5678 and
/// 03-1234-5678 are numbers, 0901-23-45678 is not. A landline written without separators counts only after
/// a phone label (電話, TEL); anything after an order or member label (注文番号) is not a phone number.
/// </summary>
internal static partial class PhoneDetector
{
    private static readonly string[] Mobile = ["090", "080", "070", "060"];

    public static IEnumerable<Detection> Find(ScannedText text, ContextLabels labels)
    {
        foreach (Match match in Candidate().Matches(text.Folded))
        {
            if (Read(text, match, labels) is { } detection)
            {
                yield return detection;
            }
        }
    }

    private static Detection? Read(ScannedText text, Match match, ContextLabels labels)
    {
        var value = match.Value;
        var international = value.StartsWith("+81", StringComparison.Ordinal);
        var groups = Digits().Matches(value).Select(g => (g.Index, g.Value)).ToList();
        if (international)
        {
            groups.RemoveAt(0);
            if (groups.Count > 0 && groups[0].Value == "0" && value.Contains("(0)", StringComparison.Ordinal))
            {
                groups.RemoveAt(0);
            }
        }
        else if (value[0] == '(' ? value.Length < 2 || value[1] != '0' : value[0] != '0')
        {
            return null;
        }

        var label = labels.Nearest(text, match.Index);
        if (label == ContextLabels.NotPhone || groups.Count == 0)
        {
            return null;
        }

        // A longer run ("090 1234 5678 12") may end with an unrelated number after a space; never after a hyphen.
        for (var count = Math.Min(groups.Count, 3); count >= 1; count--)
        {
            var taken = groups.Take(count).Select(g => g.Value).ToList();
            if (international)
            {
                taken[0] = "0" + taken[0];
            }

            var endInValue = groups[count - 1].Index + groups[count - 1].Value.Length;
            if (count < groups.Count && value[endInValue] != ' ')
            {
                continue;
            }

            if (Classify(taken, label == ContextLabels.Phone || international) is not { } detail)
            {
                continue;
            }

            var length = endInValue;
            var digits = string.Concat(taken);
            var keepUntil = groups[0].Index + groups[0].Value.Length;
            var detection = new Detection(PersonalDataKinds.Phone, match.Index, length, DigitMask.Digits(text, match.Index, length, keepUntil, 2), detail, digits);
            return label == ContextLabels.Example || IsPlaceholder(digits[taken[0].Length..])
                ? detection with { Counted = false, Masked = false, Note = "an example or placeholder number (例, 1234-5678), not personal data" }
                : detection;
        }

        return null;
    }

    /// <summary>The sub-type of a validly grouped number, or null when Japan does not write numbers that way.</summary>
    internal static string? Classify(IReadOnlyList<string> groups, bool labelled)
    {
        var digits = string.Concat(groups);
        if (digits.Length is < 10 or > 11 || digits[0] != '0')
        {
            return null;
        }

        var prefix3 = digits[..3];
        var prefix4 = digits[..4];
        if (groups.Count == 1)
        {
            return digits.Length == 11
                ? Mobile.Contains(prefix3) ? "mobile" : prefix3 == "050" ? "IP phone" : prefix4 == "0800" ? "toll-free" : null
                : prefix4 == "0120" ? "toll-free" : prefix4 == "0570" ? "navi dial" : labelled && IsArea(digits[..2]) ? "landline" : null;
        }

        if (groups.Count != 3)
        {
            return null;
        }

        var (a, b, c) = (groups[0], groups[1], groups[2]);
        if (digits.Length == 11)
        {
            return (a.Length, b.Length, c.Length) switch
            {
                (3, 4, 4) when Mobile.Contains(a) => "mobile",
                (3, 4, 4) when a == "050" => "IP phone",
                (4, 3, 4) when a == "0800" => "toll-free",
                _ => null,
            };
        }

        if (a is "0120" or "0570" && c.Length is 3 or 4)
        {
            return a == "0120" ? "toll-free" : "navi dial";
        }

        var areaOk = a.Length switch
        {
            2 => a is "03" or "06",
            3 => a[1] != '0' && a[2] != '0',
            4 or 5 => a[1] != '0',
            _ => false,
        };
        return areaOk && c.Length == 4 && a.Length + b.Length == 6 ? "landline" : null;
    }

    private static bool IsArea(string firstTwo) => firstTwo[1] != '0';

    /// <summary>The subscriber digits count up one by one (1234-5678, 123-4567): the number everyone writes as an example.</summary>
    private static bool IsPlaceholder(string subscriber)
    {
        for (var i = 1; i < subscriber.Length; i++)
        {
            if (subscriber[i] - '0' != (subscriber[i - 1] - '0' + 1) % 10)
            {
                return false;
            }
        }

        return subscriber.Length >= 6;
    }

    // A run of digits with single separators, parentheses around a group, and an optional +81 or (0).
    [GeneratedRegex(@"(?<![0-9A-Za-z+\-_@])(?<!\d[.,])(?:\+81[ \-]?(?:\(0\)[ \-]?)?|\()?\d(?:\d|[ \-.]\(?(?=\d)|\((?=\d)|\)[ \-]?(?=\d))*(?![0-9A-Za-z@]|-\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
