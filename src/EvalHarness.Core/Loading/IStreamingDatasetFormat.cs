using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>
/// A dataset format that can read its records one at a time, from a reader over the file's text. The loader turns
/// each record into a sample before reading the next, so a dataset of a million lines is never held as text, as
/// parsed records and as samples at once. <see cref="IDatasetFormat.Read"/> must give the same records and diagnostics.
/// </summary>
public interface IStreamingDatasetFormat : IDatasetFormat
{
    /// <summary>The records in file order; problems are reported as they are met, "no records" at the end.</summary>
    IEnumerable<RawRecord> Stream(StreamedDatasetSource source, DiagnosticBag diagnostics);
}
