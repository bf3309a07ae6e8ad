namespace EvalHarness.Statistics;

/// <summary>
/// The minimum detectable difference in pass rates (<paramref name="Difference"/>, null when none is detectable at
/// this n) for n pairs with the expected discordant proportion, two-sided α and power, and the formula used.
/// </summary>
public sealed record DetectableDifference(int N, double DiscordantProportion, double Alpha, double Power, double? Difference, string Formula);
