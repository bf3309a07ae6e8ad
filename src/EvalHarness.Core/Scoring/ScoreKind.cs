namespace EvalHarness.Scoring;

/// <summary>What a scorer's values are, so reports need not guess from a metric's name.</summary>
public enum ScoreKind
{
    /// <summary>1 for the desired behaviour, 0 for the other: averages are rates.</summary>
    PassFail,

    /// <summary>A value on a scale (BLEU 0–100, F1 0–1, a judge's 1–5).</summary>
    Graded,

    /// <summary>How many of something an answer holds (personal data found, claims unsupported).</summary>
    Count,
}
