namespace EvalHarness.Japanese.Aisev.Gsn;

/// <summary>One GSN file: the perspective it is for and its leaves with their weights.</summary>
/// <param name="Path">The file, as messages and the run log name it.</param>
/// <param name="Sha256">The file's SHA-256, recorded with a run whose weights came from it.</param>
/// <param name="Number">The perspective's number, 1 to 10 (the file's <c>NN_</c> prefix or its top goal <c>G&lt;n&gt;-1</c>).</param>
/// <param name="Leaves">Every leaf once, in the order aisev's walk first reaches it; a leaf reached twice keeps its last weight, as in aisev.</param>
public sealed record GsnTree(string Path, string Sha256, int Number, IReadOnlyList<GsnLeaf> Leaves);
