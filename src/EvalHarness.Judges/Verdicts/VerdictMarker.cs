namespace EvalHarness.Judges.Verdicts;

/// <summary>A place where the judge states a verdict: the value as written, what follows it on its line,
/// and the text to quote when it cannot be used.</summary>
/// <param name="Enclosed">The value stood alone between delimiters (<c>[[…]]</c>, or the whole answer), so a
/// following word makes it malformed rather than prose.</param>
/// <param name="OnNextLine">The value starts on a line after its keyword, as a list under a heading does.</param>
internal sealed record VerdictMarker(int Index, string Value, string Rest, string Evidence, bool Enclosed, bool OnNextLine = false);
