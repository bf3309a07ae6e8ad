namespace EvalHarness.Evidence;

/// <summary>
/// Answers that came from the response cache. The log marks each cached sample but not the run that first
/// asked the model, so <see cref="FromRuns"/> is null: the pack does not claim to know it.
/// </summary>
public sealed record ManifestCache(int CachedSamples, IReadOnlyList<string>? FromRuns)
{
    /// <summary>Which answers: "suite/sample id#epoch" of every cached sample record, in log order.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    public static string Name(Logs.SampleRecord record) => $"{record.Suite}/{record.Id}#{record.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
