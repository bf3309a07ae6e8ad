namespace EvalHarness.Reporting.Html;

/// <summary>What the explorer filters a sample record by, besides its metadata.</summary>
/// <param name="Verdict">
/// "error" (the sample failed, as in the Errors section), "pass", "fail" or "partial" from its pass/fail
/// scorers, "graded" when only graded scorers gave a value, "unscored" when none did.
/// </param>
/// <param name="Kind">"graded" (some graded score such as BLEU), "verdict" (pass/fail scores only) or "unscored".</param>
/// <param name="ScorerError">A scorer recorded that it could not score the output.</param>
internal readonly record struct SampleClass(string Verdict, string Kind, bool ScorerError);
