namespace EvalHarness.Results;

/// <summary>What a report says changed: the comparison's verdict, or a metric only one run has.</summary>
public static class MetricChange
{
    public const string Regression = "regression";
    public const string Improvement = "improvement";
    public const string Unchanged = "unchanged";
    public const string NoChange = Comparison.CompareVerdict.NoChange;
    public const string TooFew = Comparison.CompareVerdict.TooFew;
    public const string Added = "added";
    public const string Removed = "removed";
}
