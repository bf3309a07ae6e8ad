using System.Collections.Frozen;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Characters of Chinese grammar (the copula 是, the aspect marker 了, the particles 呢 吧 么 嗎, the pronouns
/// 您 她 哪 怎, the adverb 很, the negation 没/沒, the traditional 這 們 麼) that Japanese does not use on their
/// own. Several occur inside Japanese compounds (是非, 終了, 没収); an occurrence inside one of the listed
/// compounds is not counted. 的 is deliberately absent: the Japanese suffix 〜的 (具体的施策) cannot be told
/// from the Chinese particle (最高的山) without a parser. The simplified-only forms (这 们 吗 …) are
/// <see cref="SimplifiedChinese"/>'s and are not repeated here.
/// </summary>
internal static class ChineseFunctionCharacters
{
    public const string Characters = "是了么呢吧很您她哪怎啊呀咱嗎們這麼沒没";

    private static readonly FrozenSet<char> Set = Characters.ToFrozenSet();

    private static readonly string[] JapaneseCompounds =
    [
        "是非", "是正", "是認", "国是", "社是", "党是", "如是", "是々非々", "是是非非",
        "終了", "完了", "了解", "了承", "修了", "満了", "魅了", "校了", "投了", "読了", "未了", "了見", "了知", "議了", "了察",
        "没収", "没落", "出没", "没頭", "日没", "沈没", "埋没", "戦没", "没後", "没年", "陥没", "没入", "水没", "没却", "没我", "病没", "没交渉",
    ];

    /// <summary>Occurrences outside Japanese compounds, per character, in order of first appearance.</summary>
    public static IReadOnlyList<(string Character, int Count)> Find(string text)
    {
        var counts = new Dictionary<char, int>();
        var order = new List<char>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Set.Contains(c) || InJapaneseCompound(text, i))
            {
                continue;
            }

            if (counts.TryGetValue(c, out var n))
            {
                counts[c] = n + 1;
            }
            else
            {
                counts[c] = 1;
                order.Add(c);
            }
        }

        return order.Select(c => (c.ToString(), counts[c])).ToList();
    }

    private static bool InJapaneseCompound(string text, int index)
    {
        foreach (var compound in JapaneseCompounds)
        {
            for (var k = compound.IndexOf(text[index], StringComparison.Ordinal); k >= 0; k = compound.IndexOf(text[index], k + 1))
            {
                var start = index - k;
                if (start >= 0 && start + compound.Length <= text.Length && string.CompareOrdinal(text, start, compound, 0, compound.Length) == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
