namespace EvalHarness.Cli.Suites;

/// <summary>A suite file and the directory named on the command line that it was found in, which bounds the files it may read.</summary>
internal sealed record SuitePath(string File, string Root);
