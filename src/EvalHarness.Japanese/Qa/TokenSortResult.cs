namespace EvalHarness.Japanese.Qa;

/// <summary>
/// fuzzywuzzy's <c>token_sort_ratio</c> with the figures behind it.
/// </summary>
/// <param name="ProcessedA">The first string after <c>full_process</c>, token sorting and joining.</param>
/// <param name="ProcessedB">The second string, processed the same way.</param>
/// <param name="Ratio">The integer score, 0–100.</param>
/// <param name="Path">Which branch decided it.</param>
/// <param name="Lcs">Longest common subsequence in code points; null unless <see cref="TokenSortPath.LevenshteinRatio"/>.</param>
/// <param name="LengthA">Code points in <paramref name="ProcessedA"/>.</param>
/// <param name="LengthB">Code points in <paramref name="ProcessedB"/>.</param>
public sealed record TokenSortResult(string ProcessedA, string ProcessedB, int Ratio, TokenSortPath Path, int? Lcs, int LengthA, int LengthB)
{
    /// <summary>python-Levenshtein's ratio 2·LCS / (len a + len b); null when no edit distance was computed.</summary>
    public double? LevenshteinRatio => Lcs is { } lcs ? (double)(2 * lcs) / (LengthA + LengthB) : null;

    /// <summary>100 × ratio as the double that fuzzywuzzy rounds.</summary>
    public double? HundredTimesRatio => LevenshteinRatio is { } ratio ? 100.0 * ratio : null;

    /// <summary>The path as the reference vectors name it.</summary>
    public string PathName => Path switch
    {
        TokenSortPath.EqualAfterProcessing => "equal_after_processing",
        TokenSortPath.OneSideEmpty => "one_side_empty",
        _ => "levenshtein_ratio",
    };
}
