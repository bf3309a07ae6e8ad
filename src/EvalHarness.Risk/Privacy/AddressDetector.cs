using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Privacy;

/// <summary>
/// Street addresses down to the block: a prefecture and a municipality (東京都千代田区) followed by a town and a
/// 丁目/番地/号 or 1-2-3 block number; without the prefecture, a city or ward (横浜市, 港区) whose block has at
/// least two numbers. A prefecture or city alone names a place, not a person's home, and is not matched.
/// In English: Japanese addresses in Latin letters (1-2-3 Marunouchi, Chiyoda-ku) and house numbers on a named
/// street (221 Maple Street). The rendering keeps the prefecture and municipality and hides the rest.
/// </summary>
internal static partial class AddressDetector
{
    private const string Block = @"(?:(?:\d{1,4}|[〇一二三四五六七八九十]{1,3})丁目(?:[ ]?\d{1,4}(?:番地?|号|-)?){0,3}|\d{1,4}番地?(?:[ ]?\d{1,4}号?)?|\d{1,4}-\d{1,4}(?:-\d{1,4})?)";

    // Without a prefecture the block must hold two numbers: 港区の3番 is not an address.
    private const string TwoNumberBlock = @"(?:(?:\d{1,4}|[〇一二三四五六七八九十]{1,3})丁目[ ]?\d{1,4}(?:番地?|号|-)?(?:\d{1,4}(?:番地?|号|-)?){0,2}|\d{1,4}番地?[ ]?\d{1,4}号?|\d{1,4}-\d{1,4}(?:-\d{1,4})?)";

    private const string Town = @"[^\s、。，,！？!?「」『』()（）:：]{0,14}?";

    private static readonly Lazy<Regex> WithPrefecture = new(() => new Regex(
        "(?<pref>" + string.Join('|', PrivacyLexicon.Default.Prefectures.Select(Regex.Escape)) + @")(?<city>[^\s\d、。，,．！？!?「」『』()（）:：]{1,8}?[市区町村])" + Town + Block,
        RegexOptions.CultureInvariant));

    public static IEnumerable<Detection> Find(ScannedText text)
    {
        var found = new List<Detection>();
        foreach (Match match in WithPrefecture.Value.Matches(text.Folded))
        {
            found.Add(Japanese(text, match, match.Groups["pref"].Length + match.Groups["city"].Length));
        }

        foreach (Match match in WithoutPrefecture().Matches(text.Folded))
        {
            if (!found.Any(f => f.Start <= match.Index && match.Index < f.End))
            {
                found.Add(Japanese(text, match, match.Groups["city"].Length));
            }
        }

        foreach (Match match in Romaji().Matches(text.Folded))
        {
            var city = match.Groups["city"].Index - match.Index;
            var original = text.Slice(match.Index, match.Length);
            found.Add(new Detection(PersonalDataKinds.Address, match.Index, match.Length, DigitMask.All(original[..city]) + original[city..], "romanised", Key(original)));
        }

        foreach (Match match in Street().Matches(text.Folded))
        {
            found.Add(new Detection(PersonalDataKinds.Address, match.Index, match.Length, DigitMask.Digits(text, match.Index, match.Length, 0, 0), "street", Key(match.Value)));
        }

        return found;
    }

    private static Detection Japanese(ScannedText text, Match match, int kept)
    {
        var original = text.Slice(match.Index, match.Length);
        return new Detection(PersonalDataKinds.Address, match.Index, match.Length, original[..kept] + DigitMask.All(original[kept..]), string.Empty, Key(text.Folded.Substring(match.Index, match.Length)));
    }

    private static string Key(string address)
    {
        var builder = new StringBuilder(address.Length);
        foreach (var c in address)
        {
            if (!char.IsWhiteSpace(c) && c != ',')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}々ヶ\p{IsKatakana}])(?<city>[\p{IsCJKUnifiedIdeographs}々ヶ\p{IsKatakana}ー]{1,6}?[市区])" + Town + TwoNumberBlock, RegexOptions.CultureInvariant)]
    private static partial Regex WithoutPrefecture();

    [GeneratedRegex(@"\b\d{1,4}(?:-\d{1,4}){1,2},?\s+[A-Z][a-z]+(?:[- ][A-Za-z][a-z]+)?,\s*(?<city>[A-Z][a-z]+-(?:ku|shi|cho|machi|mura|gun))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Romaji();

    [GeneratedRegex(@"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Drive|Boulevard|Blvd\.|Way|Court|Place)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Street();
}
