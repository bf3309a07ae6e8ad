namespace EvalHarness.Scoring;

/// <summary>Which way is better, so a comparison knows a regression from an improvement.</summary>
public enum ScoreDirection
{
    HigherIsBetter,

    LowerIsBetter,

    /// <summary>Zero is ideal and either sign is worse (a bias score): a change away from zero is a regression.</summary>
    BestAtZero,
}
