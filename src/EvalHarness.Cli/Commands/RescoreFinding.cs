namespace EvalHarness.Cli.Commands;

/// <summary>
/// One thing the re-scoring check found: <see cref="Kind"/> says which check (suite file, resource, score, metric,
/// input), <see cref="Subject"/> names the file, suite/sample/scorer or metric, <see cref="Message"/> says what differs.
/// </summary>
internal sealed record RescoreFinding(string Kind, string Subject, string Message)
{
    public const string SuiteFile = "suite_file";
    public const string Resource = "resource";
    public const string Score = "score";
    public const string Metric = "metric";
    public const string Input = "input";
    public const string NotChecked = "not_checked";

    public override string ToString() => $"{Subject}: {Message}";
}
