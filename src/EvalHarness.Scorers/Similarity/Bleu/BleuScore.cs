namespace EvalHarness.Scorers.Similarity.Bleu;

/// <summary>
/// A BLEU result as sacreBLEU's <c>BLEUScore</c> reports it: the score and precisions on the 0–100
/// scale, the brevity penalty in [0, 1], and the statistics it was computed from.
/// </summary>
public sealed record BleuScore(
    double Score,
    IReadOnlyList<long> Counts,
    IReadOnlyList<long> Totals,
    IReadOnlyList<double> Precisions,
    double BrevityPenalty,
    long SysLen,
    long RefLen);
