using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Very common simplified Chinese characters that Japanese does not use. Each one is outside both
/// JIS X 0208 (Shift_JIS/CP932, including the NEC and IBM extensions) and JIS X 0213, so it cannot
/// occur in ordinary Japanese text at all; Japanese writes the traditional or shinjitai form instead
/// (这/這, 们/們, 说/説, 时/時, 对/対, 还/還, 让/譲, 为/為, ...).
/// Frequent simplified forms that are also Japanese characters are left out on purpose, because they
/// would flag ordinary Japanese: 会 (会社), 没 (没収), 个 (個 in Japanese, but 个 is in JIS X 0208),
/// 来, 从, 机 (机 = desk), 听, 气, 写, 号, 体, 几, 么 (JIS X 0213), 开 and 关 (JIS X 0213).
/// </summary>
internal static class SimplifiedChinese
{
    public const string Characters =
        "这们说时对还让为过发进经问间东样现实给长动见头认产业门电车书吗难觉应该边话谁买员选场务结";

    private static readonly FrozenSet<int> Set = Characters.EnumerateRunes().Select(r => r.Value).ToFrozenSet();

    /// <summary>Occurrences of each listed character in the text, in order of first appearance.</summary>
    public static IReadOnlyList<(string Character, int Count)> Find(string text)
    {
        var counts = new Dictionary<int, int>();
        var order = new List<int>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Set.Contains(rune.Value))
            {
                continue;
            }

            if (counts.TryGetValue(rune.Value, out var n))
            {
                counts[rune.Value] = n + 1;
            }
            else
            {
                counts[rune.Value] = 1;
                order.Add(rune.Value);
            }
        }

        return order.Select(v => (new Rune(v).ToString(), counts[v])).ToList();
    }

    /// <summary>"这×3, 们×2" for explanations, at most <paramref name="max"/> characters.</summary>
    public static string Describe(IReadOnlyList<(string Character, int Count)> found, int max = 8)
    {
        var shown = found.Take(max).Select(f => f.Character + "×" + f.Count.ToString(CultureInfo.InvariantCulture));
        return string.Join(", ", shown) + (found.Count > max ? ", …" : string.Empty);
    }
}
