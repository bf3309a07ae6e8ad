using System.Text;
using EvalHarness.Japanese.MeCab;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Classifies a sentence by its final predicate, read backwards with MeCab (IPA dictionary):
/// sentence-final punctuation, emoji, particles (か ね よ な わ の), conjunctive particles that end a
/// sentence (〜ますけど。〜ですし。〜ですが。〜ますから。) and a trailing parenthetical are skipped, so the
/// auxiliary before the particle decides; then the first auxiliary of type 特殊・デス or 特殊・マス, or the verb くださる, makes it polite,
/// and 特殊・ダ (だ, だろう, な, で) or the auxiliary ある (である) makes it plain. Neutral auxiliaries
/// (た, ない, う, ん, たい, じゃん, ...) are passed over, because ました/ません/でしょう put the polite one
/// before them. A verb or adjective reached without a polite marker is a plain ending, except the
/// imperative なさい, which fits both styles (「次の問いに答えなさい。」 is as usual in a polite exam as in a
/// plain one) and leaves the sentence unclassified. A sentence that
/// ends in anything else (a noun, a case particle) has no predicate to judge.
/// </summary>
internal static class RegisterClassifier
{
    private const string ClosingQuotes = "」』\"”’'";

    public static Register Classify(string sentence, MeCabTagger tagger)
    {
        var text = TrimEnd(sentence);
        if (text.Length == 0 || ClosingQuotes.Contains(text[^1], StringComparison.Ordinal))
        {
            // The predicate inside a closing quote is the quoted speaker's, not the answer's.
            return Register.Unclassified;
        }

        text = TrimEnd(WithoutTrailingParenthetical(text));
        var tokens = tagger.Tokenize(text);
        var i = tokens.Count - 1;
        while (i >= 0 && IsTrailing(tokens[i]))
        {
            i--;
        }

        var sawAuxiliary = false;
        for (; i >= 0; i--)
        {
            var token = tokens[i];
            switch (token.PartOfSpeech)
            {
                case "助動詞" when i > 0 && tokens[i - 1].PartOfSpeechDetail1 == "数":
                    // IPA tags the counter of "3つ" as the classical auxiliary つ: it ends a noun phrase.
                    return sawAuxiliary ? Register.Plain : Register.Unclassified;
                case "助動詞":
                    if (token.ConjugationType is "特殊・デス" or "特殊・マス")
                    {
                        return Register.Polite;
                    }

                    if (token.ConjugationType == "特殊・ダ" || token.BaseForm == "ある")
                    {
                        return Register.Plain;
                    }

                    sawAuxiliary = true;
                    break;
                case "動詞" when token.BaseForm is "なさる" or "為さる" && token.ConjugationForm is { } form && form.StartsWith("命令", StringComparison.Ordinal):
                    // なさい is an honorific imperative, a command rather than a marker of either style.
                    return Register.Unclassified;
                case "動詞":
                    return token.BaseForm is "くださる" or "下さる" ? Register.Polite : Register.Plain;
                case "形容詞":
                    return Register.Plain;
                default:
                    return sawAuxiliary ? Register.Plain : Register.Unclassified;
            }
        }

        return sawAuxiliary ? Register.Plain : Register.Unclassified;
    }

    /// <summary>Material after the predicate that says nothing about register.</summary>
    private static bool IsTrailing(MeCabToken token)
    {
        if (token.PartOfSpeech == "記号" || !HasLetter(token.Surface))
        {
            return true;
        }

        if (token.PartOfSpeech == "助詞" && token.PartOfSpeechDetail1 is { } detail && detail.Contains("終助詞", StringComparison.Ordinal))
        {
            return true;
        }

        // A sentence cut off after a conjunctive particle (〜ますけど。〜だし。〜ですから。) keeps the register
        // of the auxiliary before it; the particle itself is used in both styles.
        if (token.PartOfSpeech == "助詞" && token.PartOfSpeechDetail1 == "接続助詞")
        {
            return true;
        }

        // The explanatory の/ん of "行くのか", "そうなの？".
        return token.PartOfSpeech == "名詞" && token.PartOfSpeechDetail1 == "非自立" && token.Surface is "の" or "ん";
    }

    private static bool HasLetter(string surface)
    {
        foreach (var rune in surface.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static string TrimEnd(string text) => text.TrimEnd().TrimEnd('。', '．', '！', '？', '!', '?', '…', '〜', '～', '.', ' ', '\u3000');

    /// <summary>"使えます（2024年時点）" → "使えます": an aside after the predicate is not the predicate.</summary>
    private static string WithoutTrailingParenthetical(string text)
    {
        if (text.Length < 2 || text[^1] is not (')' or '）'))
        {
            return text;
        }

        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            depth += text[i] is ')' or '）' ? 1 : text[i] is '(' or '（' ? -1 : 0;
            if (depth == 0)
            {
                return i == 0 ? text : text[..i];
            }
        }

        return text;
    }
}
