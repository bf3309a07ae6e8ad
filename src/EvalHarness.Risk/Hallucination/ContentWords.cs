using System.Text.RegularExpressions;
using EvalHarness.Japanese.MeCab;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// The content words of a text, for <see cref="LexicalSupportScorer"/>. Japanese: MeCab (IPA dictionary)
/// nouns (numbers included; pronouns, suffixes and dependent nouns left out), independent verbs and
/// adjectives, by base form, minus light verbs and formal nouns. English: word tokens in lower case with a
/// plural or possessive s removed, minus stop words.
/// </summary>
internal static partial class ContentWords
{
    private static readonly Lazy<HashSet<string>> EnglishStopWords = new(() => Words("stopwords_en.txt"));
    private static readonly Lazy<HashSet<string>> JapaneseStopWords = new(() => Words("stopwords_ja.txt"));

    public static List<string> Japanese(string text, MeCabTagger tagger)
    {
        var words = new List<string>();
        foreach (var token in tagger.Tokenize(AnswerAnalyzer.Normalize(text)))
        {
            if (IsContent(token))
            {
                var word = (token.BaseForm ?? token.Surface).ToLowerInvariant();
                if (!JapaneseStopWords.Value.Contains(word))
                {
                    words.Add(word);
                }
            }
        }

        return words;
    }

    public static List<string> English(string text)
    {
        var words = new List<string>();
        foreach (Match m in WordToken().Matches(AnswerAnalyzer.Normalize(text).ToLowerInvariant()))
        {
            var word = Stem(m.Value);
            if (word.Length > 0 && !EnglishStopWords.Value.Contains(m.Value) && !EnglishStopWords.Value.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>
    /// A light suffix stripper (possessive, plural, -ed, -ing, final e), applied to both sides, so "surveyed" meets
    /// "survey" and "cycling" meets "cycle". Not a full stemmer: it only has to make the same word meet itself.
    /// </summary>
    internal static string Stem(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            word = word[..^3] + "y";
        }
        else if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            word = word[..^1];
        }

        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            word = word[..^3];
        }
        else if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        return word.Length > 4 && word.EndsWith('e') ? word[..^1] : word;
    }

    private static bool IsContent(MeCabToken token) => token.PartOfSpeech switch
    {
        "名詞" => token.PartOfSpeechDetail1 is not ("非自立" or "代名詞" or "接尾" or "特殊"),
        "動詞" or "形容詞" => token.PartOfSpeechDetail1 == "自立",
        _ => false,
    };

    private static HashSet<string> Words(string file) =>
    [
        .. PhraseList.Resource(file).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')),
    ];

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordToken();
}
