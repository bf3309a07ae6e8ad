namespace EvalHarness.Judges.Agreement;

/// <summary>The difference function of Krippendorff's α.</summary>
public enum AlphaMetric
{
    /// <summary>Values are categories: equal or not.</summary>
    Nominal,

    /// <summary>Values are numbers on an interval scale: disagreement is the squared difference.</summary>
    Interval,
}
