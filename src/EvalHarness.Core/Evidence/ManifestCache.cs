namespace EvalHarness.Evidence;

/// <summary>
/// Answers that came from the response cache, and the earlier runs that first asked the model for them (as the
/// log records them: <see cref="Logs.SampleRecord.CachedFrom"/>). <see cref="FromRuns"/> is null when no cached
/// answer names its run (answers cached by a harness that did not record it): the pack does not claim to know.
/// </summary>
public sealed record ManifestCache(int CachedSamples, IReadOnlyList<string>? FromRuns)
{
    /// <summary>Which answers: "suite/sample id#epoch" of every cached sample record, in log order.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    public static ManifestCache Of(Logs.RunLog log)
    {
        var cached = log.Samples.Where(s => s.Cached).ToList();
        var runs = cached.Select(s => s.CachedFrom).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new ManifestCache(cached.Count, runs.Count == 0 ? null : runs) { Answers = cached.Select(Name).ToList() };
    }

    public static string Name(Logs.SampleRecord record) => $"{record.Suite}/{record.Id}#{record.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
