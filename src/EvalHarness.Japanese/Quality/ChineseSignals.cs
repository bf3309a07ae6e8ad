namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Positive evidence that text in Han characters is Chinese rather than Japanese: simplified-only forms
/// (<see cref="SimplifiedChinese"/>) and characters of Chinese grammar (<see cref="ChineseFunctionCharacters"/>).
/// Han characters alone are no evidence: Japanese without kana is normal in addresses (東京都千代田区永田町一丁目),
/// lists of 四字熟語 and headings. See docs/japanese-quality.md for the thresholds.
/// </summary>
internal sealed record ChineseSignals(
    bool NoKana,
    bool Fires,
    IReadOnlyList<(string Character, int Count)> SimplifiedFound,
    IReadOnlyList<(string Character, int Count)> FunctionFound)
{
    /// <summary>Evidence needed when kana are present (a Japanese answer may quote Chinese).</summary>
    public const int MinEvidenceWithKana = 5;

    /// <summary>And with kana present, the evidence must also make up this share of the Han characters.</summary>
    public const double MinEvidenceShareWithKana = 0.05;

    public bool Any => Fires;

    public int SimplifiedCount => SimplifiedFound.Sum(f => f.Count);

    public int FunctionCount => FunctionFound.Sum(f => f.Count);

    public static ChineseSignals Detect(string text, ScriptCounts counts)
    {
        var simplified = SimplifiedChinese.Find(text);
        var function = ChineseFunctionCharacters.Find(text);
        var evidence = simplified.Sum(f => f.Count) + function.Sum(f => f.Count);
        var noKana = counts.Kana == 0;

        // Without kana one piece of evidence decides: no Japanese sentence is built on 是 or 了 or 这 alone,
        // and nothing else in kana-less text speaks for Japanese. With kana the answer is Japanese prose and
        // only a real stretch of Chinese counts.
        var fires = noKana
            ? evidence >= 1
            : evidence >= MinEvidenceWithKana && evidence >= MinEvidenceShareWithKana * counts.Han;
        return new ChineseSignals(noKana, fires, simplified, function);
    }

    public IEnumerable<string> Names()
    {
        if (!Fires)
        {
            yield break;
        }

        if (NoKana)
        {
            yield return "no_kana";
        }

        if (SimplifiedFound.Count > 0)
        {
            yield return "simplified_forms";
        }

        if (FunctionFound.Count > 0)
        {
            yield return "function_characters";
        }
    }

    /// <summary>What was found, for the explanation: "no kana; simplified-only forms 这×1; Chinese function characters 是×1".</summary>
    public string Describe()
    {
        var parts = new List<string>(3);
        if (NoKana)
        {
            parts.Add("no kana");
        }

        if (SimplifiedFound.Count > 0)
        {
            parts.Add($"simplified-only Chinese characters {SimplifiedChinese.Describe(SimplifiedFound)}");
        }

        if (FunctionFound.Count > 0)
        {
            parts.Add($"Chinese function characters {SimplifiedChinese.Describe(FunctionFound)}");
        }

        return string.Join("; ", parts);
    }
}
