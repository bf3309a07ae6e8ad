namespace EvalHarness.Suites;

/// <summary>A file a suite was built from and its SHA-256, so a run can prove which inputs it used.</summary>
public sealed record SuiteFile(string Path, string Sha256);
