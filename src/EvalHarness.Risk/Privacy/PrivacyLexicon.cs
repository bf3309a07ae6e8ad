using EvalHarness.Infrastructure;

namespace EvalHarness.Risk.Privacy;

/// <summary>The word lists the detectors read (embedded under risk/privacy/): prefectures, surnames, given names, labels.</summary>
internal sealed class PrivacyLexicon
{
    private static readonly Lazy<PrivacyLexicon> Shared = new(Load);

    private PrivacyLexicon(
        IReadOnlyList<string> prefectures,
        IReadOnlyList<string> surnames,
        IReadOnlyList<string> romajiSurnames,
        IReadOnlyList<string> givenNames,
        IReadOnlySet<string> nameStopwords,
        IReadOnlyList<string> titles,
        IReadOnlySet<string> testCards,
        ContextLabels labels)
    {
        Prefectures = prefectures;
        Surnames = surnames;
        SurnamesByFirst = surnames.ToLookup(s => s[0]);
        RomajiSurnames = romajiSurnames;
        GivenNames = givenNames;
        NameStopwords = nameStopwords;
        Titles = titles;
        TestCards = testCards;
        Labels = labels;
    }

    public static PrivacyLexicon Default => Shared.Value;

    public IReadOnlyList<string> Prefectures { get; }

    /// <summary>Japanese family names, longest first so 佐々木 wins over a shorter prefix.</summary>
    public IReadOnlyList<string> Surnames { get; }

    /// <summary>The same, by first character: the scan looks up every position of every output.</summary>
    public ILookup<char, string> SurnamesByFirst { get; }

    public IReadOnlyList<string> RomajiSurnames { get; }

    public IReadOnlyList<string> GivenNames { get; }

    public IReadOnlySet<string> NameStopwords { get; }

    /// <summary>Titles after a family name (部長, 先生), longest first.</summary>
    public IReadOnlyList<string> Titles { get; }

    /// <summary>Card numbers published for testing payment systems: valid by Luhn, nobody's card.</summary>
    public IReadOnlySet<string> TestCards { get; }

    public ContextLabels Labels { get; }

    private static PrivacyLexicon Load() => new(
        Lines("prefectures.txt"),
        [.. Lines("surnames-ja.txt").OrderByDescending(s => s.Length)],
        Lines("surnames-romaji.txt"),
        Lines("given-names-en.txt"),
        Lines("name-stopwords-ja.txt").ToHashSet(StringComparer.Ordinal),
        [.. Lines("titles-ja.txt").OrderByDescending(s => s.Length)],
        Lines("test-cards.txt").ToHashSet(StringComparer.Ordinal),
        ContextLabels.Parse(Lines("labels.tsv")));

    private static List<string> Lines(string file) =>
        [.. EmbeddedText.Read(typeof(PrivacyLexicon).Assembly, "risk/privacy/" + file)
            .Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))];
}
