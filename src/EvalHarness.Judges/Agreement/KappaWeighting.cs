namespace EvalHarness.Judges.Agreement;

/// <summary>How much a disagreement between two ordered categories counts in Cohen's κ.</summary>
public enum KappaWeighting
{
    /// <summary>Every disagreement counts the same (nominal categories).</summary>
    Unweighted,

    /// <summary>By the distance between the categories' positions, |i − j|.</summary>
    Linear,

    /// <summary>By the squared distance, (i − j)²: near misses on a rating scale cost little.</summary>
    Quadratic,
}
