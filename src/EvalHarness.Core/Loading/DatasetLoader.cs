using EvalHarness.Taxonomy;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>Reads a dataset file in its format into samples, rejecting duplicate ids.</summary>
internal static class DatasetLoader
{
    public static List<Sample> Load(DatasetSpec dataset, Dictionary<string, string> defaults, LoadLimits limits, IReadOnlyList<TaxonomyDefinition> taxonomies, DiagnosticBag diagnostics)
    {
        // The samples' own problems are held back (see Build); the format's go straight to the caller's bag.
        var sampleDiagnostics = new DiagnosticBag();
        var builder = new SampleBuilder(dataset.Fields, dataset.DisplayPath, defaults, dataset.Format.TextCells, taxonomies, sampleDiagnostics);
        if (dataset.Format is IStreamingDatasetFormat streaming)
        {
            using var reader = TextFiles.OpenReader(dataset.Path, dataset.DisplayPath, dataset.Encoding, diagnostics, "dataset.path");
            if (reader is null)
            {
                return [];
            }

            var stream = new StreamedDatasetSource(reader, dataset.DisplayPath, dataset.Delimiter) { FewShots = dataset.FewShots, Limits = limits };
            var records = streaming.Stream(stream, diagnostics);
            return Build(IsLarge(dataset.Path) ? RecordsAhead.Read(records) : records, builder, dataset, limits, diagnostics, sampleDiagnostics);
        }

        var text = TextFiles.Read(dataset.Path, dataset.DisplayPath, dataset.Encoding, diagnostics, "dataset.path");
        if (text is null)
        {
            return [];
        }

        var source = new DatasetSource(text, dataset.DisplayPath, dataset.Delimiter) { FewShots = dataset.FewShots, Limits = limits };
        return Build(dataset.Format.Read(source, diagnostics), builder, dataset, limits, diagnostics, sampleDiagnostics);
    }

    private static bool IsLarge(string path)
    {
        try
        {
            return new FileInfo(path).Length >= RecordsAhead.MinimumBytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Turns each record into a sample as it arrives, so the records are never all held at once. Diagnostics come out
    /// as if every record had been read before any sample was built: the format's own, then the sample limit, then
    /// the samples'. Over the limit there are no samples and the samples' problems are dropped, but the rest of the
    /// file is still read so that every problem of the file itself is reported in one pass.
    /// </summary>
    private static List<Sample> Build(IEnumerable<RawRecord> records, SampleBuilder builder, DatasetSpec dataset, LoadLimits limits, DiagnosticBag diagnostics, DiagnosticBag sampleDiagnostics)
    {
        var idField = dataset.Format.SourceIdField ?? dataset.Fields.Id;
        var samples = new List<Sample>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, int>? firstLineById = null;
        var count = 0;
        var overLimitLine = 0;
        foreach (var record in records)
        {
            count++;
            if (overLimitLine > 0)
            {
                continue;
            }

            if (count > limits.MaxSamples)
            {
                overLimitLine = record.Line;
                samples = [];
                ids = [];
                firstLineById = null;
                continue;
            }

            if (!SizeLimits.Check(record, limits, dataset.DisplayPath, sampleDiagnostics) || builder.Build(record, count) is not { } sample)
            {
                continue;
            }

            if (!ids.Add(sample.Id))
            {
                // Lines are looked up only once an id repeats: a set of ids is a third smaller than a map to lines.
                firstLineById ??= samples.ToDictionary(s => s.Id, s => s.Line, StringComparer.Ordinal);
                sampleDiagnostics.Error(dataset.DisplayPath, sample.Line, 0, idField, $"duplicate sample id '{sample.Id}' (first used on line {firstLineById[sample.Id]})");
                continue;
            }

            samples.Add(sample);
            firstLineById?.Add(sample.Id, sample.Line);
        }

        if (overLimitLine > 0)
        {
            diagnostics.Error(dataset.DisplayPath, overLimitLine, 0, null, SizeLimits.SamplesMessage(limits.MaxSamples));
            return [];
        }

        diagnostics.AddRange(sampleDiagnostics.Items);
        return samples;
    }
}
