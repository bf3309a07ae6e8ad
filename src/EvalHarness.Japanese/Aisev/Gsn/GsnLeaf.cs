namespace EvalHarness.Japanese.Aisev.Gsn;

/// <summary>An undeveloped node of a GSN file: what aisev rows name in <c>gsn_perspective</c>, with its weight.</summary>
/// <param name="Id">The node id (<c>G8-7</c>).</param>
/// <param name="Weight">The product of <c>scoreRate</c> from the top goal down to this node, as aisev computes it.</param>
/// <param name="Perspective">The perspective id its id prefix names (<c>G8</c>: robustness), which aisev goes by.</param>
/// <param name="File">The GSN file, as messages and the run log name it.</param>
public sealed record GsnLeaf(string Id, double Weight, string Perspective, string File);
