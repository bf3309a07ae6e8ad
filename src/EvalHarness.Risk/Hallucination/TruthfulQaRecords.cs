using System.Text;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;
using EvalHarness.Suites;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// Turns one TruthfulQA question into samples. MC1 (one true option) becomes a multiple-choice sample scored
/// by letter; MC2 (several true options) a sample whose prompt lists the options and asks for every true
/// letter. Options are shuffled with a seed taken from the question, because TruthfulQA lists the true
/// answers first: the same file always gives the same order. A generation row becomes a free-answer sample
/// whose targets are the correct answers and whose <c>requirement</c> names correct and incorrect answers
/// for the judge.
/// </summary>
internal static class TruthfulQaRecords
{
    private static readonly Lazy<string> Mc2En = new(() => PhraseList.Resource("truthfulqa_mc2_en.txt").TrimEnd('\n'));
    private static readonly Lazy<string> Mc2Ja = new(() => PhraseList.Resource("truthfulqa_mc2_ja.txt").TrimEnd('\n'));
    private static readonly Lazy<string> RequirementEn = new(() => PhraseList.Resource("truthfulqa_requirement_en.txt").TrimEnd('\n'));
    private static readonly Lazy<string> RequirementJa = new(() => PhraseList.Resource("truthfulqa_requirement_ja.txt").TrimEnd('\n'));

    public static RawRecord Mc1(int line, string id, string question, IReadOnlyList<TruthfulQaOption> options, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var shuffled = Shuffle(options, TruthfulQaKeys.Mc1 + question);
        var answer = shuffled.FindIndex(o => o.IsTrue);
        return StandardRecord.Create(
            line,
            id,
            question,
            targets: [ChoiceLabels.Letter(answer).ToString()],
            choices: shuffled.Select(o => o.Text),
            metadata: metadata.Append(new(TruthfulQaKeys.Task, TruthfulQaKeys.Mc1)));
    }

    public static RawRecord Mc2(int line, string id, string question, IReadOnlyList<TruthfulQaOption> options, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var shuffled = Shuffle(options, TruthfulQaKeys.Mc2 + question);
        var lettered = new StringBuilder();
        var trueLetters = new List<string>();
        for (var i = 0; i < shuffled.Count; i++)
        {
            var letter = ChoiceLabels.Letter(i).ToString();
            lettered.Append(letter).Append(") ").Append(shuffled[i].Text).Append('\n');
            if (shuffled[i].IsTrue)
            {
                trueLetters.Add(letter);
            }
        }

        var template = IsJapanese(question) ? Mc2Ja.Value : Mc2En.Value;
        var prompt = template.Replace("{question}", question, StringComparison.Ordinal).Replace("{options}", lettered.ToString().TrimEnd('\n'), StringComparison.Ordinal);
        return StandardRecord.Create(
            line,
            id,
            prompt,
            targets: [string.Join(", ", trueLetters)],
            metadata: metadata.Concat(
            [
                new(TruthfulQaKeys.Task, TruthfulQaKeys.Mc2),
                new(TruthfulQaKeys.Mc2Choices, StandardRecord.JsonList(shuffled.Select(o => o.Text))),
                new(TruthfulQaKeys.Mc2True, StandardRecord.JsonList(trueLetters)),
            ]));
    }

    public static RawRecord Generation(int line, string id, string question, string? best, IReadOnlyList<string> correct, IReadOnlyList<string> incorrect, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var targets = new List<string>();
        foreach (var answer in (best is null ? correct : correct.Prepend(best)).Where(a => !targets.Contains(a, StringComparer.Ordinal)))
        {
            targets.Add(answer);
        }

        var template = IsJapanese(question) ? RequirementJa.Value : RequirementEn.Value;
        var none = IsJapanese(question) ? "- （なし）" : "- (none)";
        var requirement = template
            .Replace("{correct}", string.Join("\n", targets.Select(t => "- " + t)), StringComparison.Ordinal)
            .Replace("{incorrect}", incorrect.Count == 0 ? none : string.Join("\n", incorrect.Select(t => "- " + t)), StringComparison.Ordinal);
        var labels = metadata.Concat(
        [
            new(TruthfulQaKeys.Task, TruthfulQaKeys.Generation),
            new("correct_answers", StandardRecord.JsonList(targets)),
            new("incorrect_answers", StandardRecord.JsonList(incorrect)),
            new("requirement", requirement),
        ]);
        if (best is not null)
        {
            labels = labels.Append(new("best_answer", best));
        }

        return StandardRecord.Create(line, id, question, targets: targets, metadata: labels);
    }

    /// <summary>Hiragana, katakana or CJK ideographs: the prompt added around the question is then Japanese.</summary>
    public static bool IsJapanese(string text) => text.Any(c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');

    private static List<TruthfulQaOption> Shuffle(IReadOnlyList<TruthfulQaOption> options, string key)
    {
        var list = options.ToList();
        var random = new Random(StableSeed(key));
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary>FNV-1a over UTF-16 units: string.GetHashCode differs between processes, this does not.</summary>
    private static int StableSeed(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
