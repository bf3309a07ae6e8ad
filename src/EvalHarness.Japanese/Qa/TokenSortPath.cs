namespace EvalHarness.Japanese.Qa;

/// <summary>Which branch of fuzzywuzzy's <c>token_sort_ratio</c> decided the score.</summary>
public enum TokenSortPath
{
    /// <summary>The processed strings are equal (both empty included): 100 without an edit distance.</summary>
    EqualAfterProcessing,

    /// <summary>Exactly one processed string is empty: 0.</summary>
    OneSideEmpty,

    /// <summary>Rounded 100 × python-Levenshtein ratio of the processed strings.</summary>
    LevenshteinRatio,
}
