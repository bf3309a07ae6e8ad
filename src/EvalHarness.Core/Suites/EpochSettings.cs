namespace EvalHarness.Suites;

/// <summary>How often each sample runs, and how its per-epoch scores become one sample score.</summary>
public sealed record EpochSettings(int Count, string Reducer)
{
    public static EpochSettings Default { get; } = new(1, "mean");
}
