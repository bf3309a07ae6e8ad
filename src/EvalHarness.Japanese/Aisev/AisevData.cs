using EvalHarness.Japanese.Aisev.Gsn;
using EvalHarness.Loading;

namespace EvalHarness.Japanese.Aisev;

/// <summary>What an aisev CSV holds once read: a record per row aisev would evaluate, and what a suite around them needs.</summary>
/// <param name="Records">The rows as standard records, each naming the scorer (<see cref="AisevScorerKind.Id"/>) it is for.</param>
/// <param name="Kinds">The scorer kinds the rows use, in the order of <see cref="AisevScorerKind.All"/>.</param>
/// <param name="Language"><c>ja</c>, unless no row's text is Japanese (then <c>en</c>).</param>
/// <param name="Trees">The GSN files whose weights some row carries.</param>
public sealed record AisevData(IReadOnlyList<RawRecord> Records, IReadOnlyList<AisevScorerKind> Kinds, string Language, IReadOnlyList<GsnTree> Trees)
{
    public static AisevData Empty { get; } = new([], [], "ja", []);
}
