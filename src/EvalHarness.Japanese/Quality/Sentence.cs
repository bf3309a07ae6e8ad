namespace EvalHarness.Japanese.Quality;

/// <summary>One sentence of an answer, with the 1-based line it is on and whether it is a list item.</summary>
internal sealed record Sentence(string Text, int Line, bool IsListItem);
