using EvalHarness.Extensions;
using System.Globalization;
using EvalHarness.Judges.Agreement;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Judges.Metrics;

/// <summary>
/// How much a panel's judges agree, over every sample and epoch they rated: Fleiss' κ for verdicts (every
/// judge rated every unit; Krippendorff's nominal α when some gave no verdict), Krippendorff's interval α for
/// scales. A single judge has nothing to agree with, and the metric is then left out.
/// </summary>
internal sealed class JudgeAgreementMetric : IMetric
{
    public const string Name = "judge_agreement";

    public static JudgeAgreementMetric Default { get; } = new();

    string IExtension.Name => Name;

    public string Description => "agreement of a judge panel: Fleiss' kappa for verdicts, Krippendorff's alpha for scales or when a judge gave no verdict; shown only with several judges";

    public bool OmitWhenEmpty => true;

    public MetricMeaning Meaning(ScoreMeaning scorer) => new(false, ScoreDirection.HigherIsBetter);

    public MetricValue Compute(MetricInput input)
    {
        // One unit per sample and epoch: each judge's value, in the panel's order.
        // A split panel is a judge error, left out of the verdicts but not of how far the judges agreed.
        var epochs = input.Scores.Concat(input.Unscored).SelectMany(s => s.EpochScores).Where(e => e.Values is { Count: > 0 }).ToList();
        var judges = epochs.SelectMany(e => e.Values!.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (judges.Count < 2)
        {
            return MetricValue.Empty;
        }

        var units = epochs
            .Select(e => (IReadOnlyList<double?>)judges.Select(j => e.Values is not null && e.Values.TryGetValue(j, out var v) ? v : (double?)null).ToList())
            .ToList();
        var complete = units.All(u => u.All(v => v is not null));
        AgreementResult result;
        string method;
        if (input.Meaning is { Kind: ScoreKind.Graded } && !IsVerdicts(units))
        {
            result = KrippendorffAlpha.Compute(units, AlphaMetric.Interval);
            method = "Krippendorff's alpha (interval)";
        }
        else if (complete)
        {
            result = FleissKappa.Compute(units.Select(u => (IReadOnlyList<string?>)u.Select(Label).ToList()).ToList());
            method = "Fleiss' kappa";
        }
        else
        {
            result = KrippendorffAlpha.Compute(units.Select(u => (IReadOnlyList<string?>)u.Select(Label).ToList()).ToList());
            method = "Krippendorff's alpha (nominal)";
        }

        return result.Value is { } value
            ? new MetricValue(value, null, result.Items) { Statistic = method }
            : MetricValue.Empty;
    }

    /// <summary>Labels with a few distinct values (a refusal's 1, 0.5, 0) are categories, not a scale.</summary>
    private static bool IsVerdicts(List<IReadOnlyList<double?>> units) =>
        units.SelectMany(u => u).OfType<double>().Distinct().Count() <= 3 && units.SelectMany(u => u).OfType<double>().All(v => v is >= 0 and <= 1);

    private static string? Label(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
