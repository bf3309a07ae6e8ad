namespace EvalHarness.Scorers.Japanese.Quality;

/// <summary>
/// Evidence that text written in Han characters is Chinese rather than Japanese. Japanese prose
/// cannot avoid kana (particles, inflections), and the listed simplified forms do not exist in
/// Japanese character sets; see docs/japanese-quality.md for the thresholds.
/// </summary>
internal sealed record ChineseSignals(bool NoKana, bool Simplified, IReadOnlyList<(string Character, int Count)> SimplifiedFound)
{
    /// <summary>Han characters without a single kana that count as Chinese on their own.</summary>
    public const int MinHanWithoutKana = 20;

    /// <summary>Simplified-only characters that suffice when the text has no kana.</summary>
    public const int MinSimplifiedWithoutKana = 2;

    /// <summary>Simplified-only characters needed when kana are present (a Japanese answer may quote Chinese).</summary>
    public const int MinSimplifiedWithKana = 5;

    /// <summary>And with kana present, they must also make up this share of the Han characters.</summary>
    public const double MinSimplifiedShareWithKana = 0.05;

    public bool Any => NoKana || Simplified;

    public int SimplifiedCount => SimplifiedFound.Sum(f => f.Count);

    public static ChineseSignals Detect(string text, ScriptCounts counts)
    {
        var found = SimplifiedChinese.Find(text);
        var simplified = found.Sum(f => f.Count);
        var noKana = counts.Kana == 0 && counts.Han >= MinHanWithoutKana;
        var simplifiedFires = counts.Kana == 0
            ? simplified >= MinSimplifiedWithoutKana
            : simplified >= MinSimplifiedWithKana && simplified >= MinSimplifiedShareWithKana * counts.Han;
        return new ChineseSignals(noKana, simplifiedFires, found);
    }

    public IEnumerable<string> Names()
    {
        if (NoKana)
        {
            yield return "no_kana";
        }

        if (Simplified)
        {
            yield return "simplified_forms";
        }
    }
}
