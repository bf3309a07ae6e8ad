using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// Abstention and premise-correction detection for Japanese and English answers, from the phrase lists in
/// <c>Resources/hallucination</c>. The answer is cut into sentences, and sentences into clauses at commas
/// and contrastive connectors (but, however, が、, けど), because a hedged answer puts its doubt and its
/// answer in different clauses of one sentence. Each clause is an abstention cue, filler (apology, referral,
/// topic phrase) or content; only an answer with a cue and no content abstains.
/// </summary>
internal static partial class AnswerAnalyzer
{
    private static readonly Lazy<Lists> Phrases = new(() => new Lists(
        PhraseList.Load("abstention.txt"),
        PhraseList.Load("guesses.txt"),
        PhraseList.Load("hedges.txt"),
        PhraseList.Load("filler.txt"),
        PhraseList.Load("correction.txt"),
        PhraseList.Load("correction_weak.txt"),
        PhraseList.Load("correction_support.txt"),
        PhraseList.Load("contrast.txt")));

    /// <param name="output">The answer.</param>
    /// <param name="question">The question, when known: a weak negation ("is not", 「〜ていません」) in a clause that repeats one of
    /// its terms denies what the question took for granted, so it counts as a correction.</param>
    public static AnswerAnalysis Analyze(string output, string? question = null)
    {
        var lists = Phrases.Value;
        var text = Normalize(output);
        var sentences = Sentences(text);
        string? abstention = null;
        string? hedge = null;
        var content = new List<string>();
        foreach (var sentence in sentences)
        {
            hedge ??= lists.Hedges.Find(sentence)?.Value;
            foreach (var clause in Clauses(sentence, lists.Contrast))
            {
                var bare = LeadingConnector().Replace(clause, string.Empty).Trim();
                if (!HasWords(bare))
                {
                    continue;
                }

                if (lists.Guesses.Matches(bare))
                {
                    content.Add(bare);
                }
                else if (lists.Abstention.Matches(bare))
                {
                    abstention ??= bare;
                }
                else if (!lists.Filler.Matches(bare))
                {
                    content.Add(bare);
                }
            }
        }

        var correction = Correction(sentences, lists, question is null ? [] : QuestionTerms(Normalize(question)));
        var abstained = abstention is not null && content.Count == 0;
        return new AnswerAnalysis(
            abstained,
            abstention,
            hedge is not null && !abstained,
            hedge,
            correction is not null,
            correction,
            content);
    }

    /// <summary>NFKC (full-width letters and digits, half-width kana) and typographic apostrophes folded, so one phrase list serves every spelling.</summary>
    public static string Normalize(string text) =>
        text.Normalize(NormalizationForm.FormKC).Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'');

    private static string? Correction(List<string> sentences, Lists lists, List<string> terms)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            if (lists.Correction.Matches(sentences[i]))
            {
                return sentences[i];
            }

            if (terms.Count > 0 && Clauses(sentences[i], lists.Contrast).Any(c => lists.WeakCorrection.Matches(c) && terms.Any(t => c.Contains(t, StringComparison.OrdinalIgnoreCase))))
            {
                return sentences[i];
            }

            if (lists.WeakCorrection.Matches(sentences[i])
                && (lists.CorrectionSupport.Matches(sentences[i]) || (i + 1 < sentences.Count && lists.CorrectionSupport.Matches(sentences[i + 1]))))
            {
                return sentences[i];
            }
        }

        return null;
    }

    /// <summary>Names and key words of a question: runs of kanji or katakana of two or more characters, Latin words of four or more letters.</summary>
    private static List<string> QuestionTerms(string question) =>
        [.. QuestionTerm().Matches(question).Select(m => m.Value).Where(t => !CommonWords.Contains(t.ToLowerInvariant())).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static List<string> Sentences(string text) =>
        [.. SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0)];

    private static IEnumerable<string> Clauses(string sentence, PhraseList contrast)
    {
        var cuts = new SortedSet<int>();
        foreach (var pattern in contrast.Patterns)
        {
            foreach (Match m in pattern.Matches(sentence))
            {
                cuts.Add(m.Index);
            }
        }

        foreach (Match m in Comma().Matches(sentence))
        {
            cuts.Add(m.Index + m.Length);
        }

        var start = 0;
        foreach (var cut in cuts)
        {
            if (cut > start && cut < sentence.Length)
            {
                yield return sentence[start..cut];
                start = cut;
            }
        }

        yield return sentence[start..];
    }

    private static bool HasWords(string clause) => clause.Count(char.IsLetterOrDigit) >= 2;

    // A full stop ends a sentence only before a space or the end, so 3.14 and e.g. stay whole.
    [GeneratedRegex(@"(?<=[。!?！？\n;；])|(?<=\.)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    // A comma between digits (1,603) separates thousands, not clauses.
    [GeneratedRegex(@"、|,(?!\d)|:\s|—|–", RegexOptions.CultureInvariant)]
    private static partial Regex Comma();

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "what", "which", "when", "where", "whom", "whose", "there", "that", "this", "these", "those", "does", "with", "from",
        "have", "year", "years", "into", "about", "they", "them", "their", "were", "been", "since", "only", "many", "much",
    };

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{2,}|[A-Za-z]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionTerm();

    [GeneratedRegex(@"^\W*(?:(?:but|however|although|though|yet|and|so|also|still|that\s+said|well|okay|ok|still)\b|ただし|ただ|でも|しかし|けれども|ですが|なお)\W*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingConnector();

    private sealed record Lists(
        PhraseList Abstention,
        PhraseList Guesses,
        PhraseList Hedges,
        PhraseList Filler,
        PhraseList Correction,
        PhraseList WeakCorrection,
        PhraseList CorrectionSupport,
        PhraseList Contrast);
}
