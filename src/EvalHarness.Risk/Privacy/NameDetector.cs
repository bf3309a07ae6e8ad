using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Privacy;

/// <summary>
/// Person names, which matter only next to other data (the linked severity): a common Japanese family name
/// from the dictionary with an optional given name (山田太郎, 佐々木 花子), two to four kanji or a katakana name
/// before 様/さん/氏/殿 (not お客様 or 担当者様), a name after 氏名： or Name:, and in English a title and a
/// capitalised name (Ms. Smith), a common given name and a capitalised surname (Emily Clark), or a Japanese
/// family name in Latin letters (Taro Yamada, Yamada Taro).
/// </summary>
internal sealed partial class NameDetector
{
    private const int MaxGivenName = 3;

    private readonly PrivacyLexicon _lexicon;
    private readonly Regex _english;
    private readonly Regex _romaji;

    public NameDetector(PrivacyLexicon lexicon)
    {
        _lexicon = lexicon;
        _english = new Regex(@"\b(?:" + string.Join('|', lexicon.GivenNames.Select(Regex.Escape)) + @")\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b", RegexOptions.CultureInvariant);
        var surnames = string.Join('|', lexicon.RomajiSurnames.Select(Regex.Escape));
        _romaji = new Regex(@"\b(?:[A-Z][a-z]+\s+(?:" + surnames + @")|(?:" + surnames + @")\s+[A-Z][a-z]+)\b", RegexOptions.CultureInvariant);
    }

    public static NameDetector Default { get; } = new(PrivacyLexicon.Default);

    public IReadOnlyList<Detection> Find(ScannedText text)
    {
        var names = new List<Detection>();
        FamilyNames(text, names);
        foreach (Match match in Honorific().Matches(text.Folded))
        {
            var name = match.Groups["n"];
            if (!_lexicon.NameStopwords.Any(s => name.Value.EndsWith(s, StringComparison.Ordinal)))
            {
                Add(text, names, name.Index, name.Length);
            }
        }

        foreach (var match in Labelled().Matches(text.Folded).Concat(Titled().Matches(text.Folded)))
        {
            Add(text, names, match.Groups["n"].Index, match.Groups["n"].Length);
        }

        foreach (var match in _english.Matches(text.Folded).Concat(_romaji.Matches(text.Folded)))
        {
            Add(text, names, match.Index, match.Length);
        }

        return names;
    }

    private void FamilyNames(ScannedText text, List<Detection> names)
    {
        var folded = text.Folded;
        for (var i = 0; i < folded.Length; i++)
        {
            if (i > 0 && IsKanji(folded[i - 1]))
            {
                continue;
            }

            var surname = _lexicon.SurnamesByFirst[folded[i]].FirstOrDefault(s => string.CompareOrdinal(folded, i, s, 0, s.Length) == 0);
            if (surname is null)
            {
                continue;
            }

            var end = i + surname.Length;
            var givenStart = end < folded.Length && folded[end] == ' ' ? end + 1 : end;
            var givenEnd = givenStart;
            while (givenEnd < folded.Length && IsKanji(folded[givenEnd]))
            {
                givenEnd++;
            }

            var given = folded[givenStart..givenEnd];
            if (_lexicon.Titles.FirstOrDefault(t => given.EndsWith(t, StringComparison.Ordinal)) is { } title)
            {
                given = given[..^title.Length];
            }

            // A longer run is a compound word (田中角栄記念館): keep the family name alone.
            if (given.Length is > 0 and <= MaxGivenName)
            {
                end = givenStart + given.Length;
            }

            Add(text, names, i, end - i);
            i = end - 1;
        }
    }

    private static void Add(ScannedText text, List<Detection> names, int start, int length)
    {
        var candidate = new Detection(PersonalDataKinds.Name, start, length, DigitMask.Words(text.Slice(start, length)), string.Empty, text.Folded.Substring(start, length).Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!names.Any(n => n.Overlaps(candidate)))
        {
            names.Add(candidate);
        }
    }

    private static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF' or '々' or 'ヶ';

    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}々])(?<n>[\p{IsCJKUnifiedIdeographs}々]{2,4}|[\p{IsKatakana}ー]{2,8}(?:・[\p{IsKatakana}ー]{2,8})?)[ ]?(?:様|さん|氏|殿|くん|ちゃん)", RegexOptions.CultureInvariant)]
    private static partial Regex Honorific();

    [GeneratedRegex(@"(?:氏名|お名前|名前|Name|name)[ ]*[:：][ ]*(?<n>[\p{IsCJKUnifiedIdeographs}々\p{IsKatakana}ー]{2,8}(?:[ ][\p{IsCJKUnifiedIdeographs}々]{1,4})?|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex Titled();
}
