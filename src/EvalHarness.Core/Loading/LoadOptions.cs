namespace EvalHarness.Loading;

/// <summary>What loading a suite may read, and how much of it.</summary>
public sealed record LoadOptions
{
    public static LoadOptions Default { get; } = new();

    public LoadLimits Limits { get; init; } = LoadLimits.Default;

    /// <summary>
    /// The directory named on the command line that the suite was found in (the suite's own directory, or a
    /// directory of suites); files the suite names must lie inside it. Null: the suite file's directory.
    /// </summary>
    public string? Root { get; init; }

    /// <summary>Files or directories outside <see cref="Root"/> that suites may read anyway (<c>--allow-path</c>).</summary>
    public IReadOnlyList<string> AllowedPaths { get; init; } = [];
}
