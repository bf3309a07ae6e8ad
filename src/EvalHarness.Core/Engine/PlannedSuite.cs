using EvalHarness.Suites;

namespace EvalHarness.Engine;

/// <summary>A suite as this run will execute it: the samples chosen (limit, shard), epochs and settings.</summary>
internal sealed record PlannedSuite(Suite Suite, IReadOnlyList<Sample> Samples, EpochSettings Epochs, GenerationSettings Generate)
{
    /// <summary>The run's settings, with the sample's own max_tokens when the suite and the command line set none.</summary>
    private GenerationSettings SettingsFor(Sample sample) =>
        Generate.MaxTokens is null && MetadataKeys.MaxTokensOf(sample) is { } maxTokens ? Generate with { MaxTokens = maxTokens } : Generate;

    public IEnumerable<WorkItem> Items()
    {
        foreach (var sample in Samples)
        {
            for (var epoch = 1; epoch <= Epochs.Count; epoch++)
            {
                yield return new WorkItem(Suite, sample, epoch, SettingsFor(sample));
            }
        }
    }
}
