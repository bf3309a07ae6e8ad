namespace EvalHarness.Comparison;

/// <summary>The verdict of one comparison row, as printed and written to JSON.</summary>
public static class CompareVerdict
{
    public const string Regression = "regression";
    public const string Improvement = "improvement";
    public const string NoChange = "no significant change";
    public const string TooFew = "too few samples to tell";
}
