using EvalHarness.Taxonomy;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>Reads a dataset file in its format into samples, rejecting duplicate ids.</summary>
internal static class DatasetLoader
{
    public static List<Sample> Load(DatasetSpec dataset, Dictionary<string, string> defaults, LoadLimits limits, IReadOnlyList<TaxonomyDefinition> taxonomies, DiagnosticBag diagnostics)
    {
        var text = TextFiles.Read(dataset.Path, dataset.DisplayPath, dataset.Encoding, diagnostics, "dataset.path");
        if (text is null)
        {
            return [];
        }

        var records = dataset.Format.Read(new DatasetSource(text, dataset.DisplayPath, dataset.Delimiter) { FewShots = dataset.FewShots, Limits = limits }, diagnostics);
        if (records.Count > limits.MaxSamples)
        {
            diagnostics.Error(dataset.DisplayPath, records[limits.MaxSamples].Line, 0, null, SizeLimits.SamplesMessage(limits.MaxSamples));
            return [];
        }

        var builder = new SampleBuilder(dataset.Fields, dataset.DisplayPath, defaults, dataset.Format.TextCells, taxonomies, diagnostics);
        var idField = dataset.Format.SourceIdField ?? dataset.Fields.Id;
        var samples = new List<Sample>(records.Count);
        var firstLineById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (!SizeLimits.Check(records[i], limits, dataset.DisplayPath, diagnostics) || builder.Build(records[i], i + 1) is not { } sample)
            {
                continue;
            }

            if (!firstLineById.TryAdd(sample.Id, sample.Line))
            {
                diagnostics.Error(dataset.DisplayPath, sample.Line, 0, idField, $"duplicate sample id '{sample.Id}' (first used on line {firstLineById[sample.Id]})");
                continue;
            }

            samples.Add(sample);
        }

        return samples;
    }
}
