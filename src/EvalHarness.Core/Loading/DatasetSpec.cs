namespace EvalHarness.Loading;

/// <summary>Where a suite's samples come from, in which format, and how their fields are named.</summary>
public sealed record DatasetSpec(string Path, string DisplayPath, IDatasetFormat Format, string Encoding, char Delimiter, FieldMapping Fields)
{
    /// <summary>How many of the file's few-shot examples to put before each sample (<c>dataset.few_shots</c>); null: the format's default.</summary>
    public int? FewShots { get; init; }
}
