namespace EvalHarness.Judges.Calibration;

/// <summary>
/// Everything a calibration check concludes: over all items, per language and hard against not hard
/// (accuracy only when the items span rubrics, since κ needs one label set), and per rubric with κ.
/// </summary>
public sealed record CalibrationReport
{
    public const string Hard = "hard";

    public const string NotHard = "not hard";

    public required AgreementStatistics Overall { get; init; }

    public required IReadOnlyList<AgreementStatistics> ByLanguage { get; init; }

    public required IReadOnlyList<AgreementStatistics> ByHardness { get; init; }

    /// <summary>In the order the items first name them.</summary>
    public required IReadOnlyList<RubricStatistics> Rubrics { get; init; }

    public required IReadOnlyList<ItemOutcome> Outcomes { get; init; }

    public double Confidence { get; init; } = 0.95;

    /// <param name="rubrics">The rubrics the items name.</param>
    public static CalibrationReport Build(IReadOnlyList<ItemOutcome> outcomes, CalibrationRubrics rubrics, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(rubrics);
        var used = outcomes.Select(o => o.Item.Rubric).Distinct(StringComparer.Ordinal)
            .Select(id => rubrics.TryGet(id, out var rubric) ? rubric : throw new ArgumentException($"unknown rubric '{id}'", nameof(rubrics)))
            .ToList();
        var single = used.Count == 1 ? used[0] : null;
        return new CalibrationReport
        {
            Overall = CalibrationStatistics.Compute("all", outcomes, single, confidence),
            ByLanguage = GroupByLanguage(outcomes, single, confidence),
            ByHardness = GroupByHardness(outcomes, single, confidence),
            Rubrics = used.Select(rubric =>
            {
                var own = outcomes.Where(o => o.Item.Rubric == rubric.Id).ToList();
                return new RubricStatistics(
                    rubric,
                    CalibrationStatistics.Compute("all", own, rubric, confidence),
                    GroupByLanguage(own, rubric, confidence),
                    GroupByHardness(own, rubric, confidence));
            }).ToList(),
            Outcomes = outcomes,
            Confidence = confidence,
        };
    }

    /// <summary>
    /// The rubrics whose κ (the point estimate) is below <paramref name="minimum"/>, or undefined: a κ that cannot
    /// be computed shows no agreement beyond chance, so it never passes a minimum.
    /// </summary>
    public IReadOnlyList<RubricStatistics> BelowKappa(double minimum) =>
        Rubrics.Where(r => r.All.Kappa?.Value is not { } kappa || kappa < minimum).ToList();

    private static List<AgreementStatistics> GroupByLanguage(IReadOnlyList<ItemOutcome> outcomes, CalibrationRubric? rubric, double confidence) =>
        outcomes.GroupBy(o => o.Item.Language, StringComparer.Ordinal)
            .OrderBy(g => LabelledSetReader.Languages.ToList().IndexOf(g.Key))
            .Select(g => CalibrationStatistics.Compute(g.Key, g.ToList(), rubric, confidence))
            .ToList();

    private static List<AgreementStatistics> GroupByHardness(IReadOnlyList<ItemOutcome> outcomes, CalibrationRubric? rubric, double confidence) =>
        new[] { (Hard, true), (NotHard, false) }
            .Select(h => (h.Item1, Items: outcomes.Where(o => o.Item.Hard == h.Item2).ToList()))
            .Where(h => h.Items.Count > 0)
            .Select(h => CalibrationStatistics.Compute(h.Item1, h.Items, rubric, confidence))
            .ToList();
}
