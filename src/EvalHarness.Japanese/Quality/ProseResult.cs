namespace EvalHarness.Japanese.Quality;

/// <summary>An answer's prose with code and URLs blanked out, and how much was blanked.</summary>
/// <param name="Text">The prose; same line count as the original.</param>
/// <param name="CodeBlocks">Fenced code blocks removed (an unclosed fence runs to the end).</param>
/// <param name="InlineCode">Inline code spans removed.</param>
/// <param name="Urls">URLs removed.</param>
internal sealed record ProseResult(string Text, int CodeBlocks, int InlineCode, int Urls);
