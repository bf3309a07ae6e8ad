namespace EvalHarness.Suites;

/// <summary>One item of a suite's dataset, after field mapping and metadata defaults.</summary>
public sealed class Sample
{
    public required string Id { get; init; }

    /// <summary>The conversation sent to the model before solver steps run; a plain-text input is one user message.</summary>
    public required IReadOnlyList<PromptMessage> Input { get; init; }

    /// <summary>Acceptable answers; a scorer counts a match with any of them.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Options of a multiple-choice item, in label order (A, B, C, ...).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Free-form labels (category, risk, perspective, language, ...) used for grouping and templates.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Ids of the suite scorers that apply to this sample; null means all of them.</summary>
    public IReadOnlyList<string>? Scorers { get; init; }

    /// <summary>Line of the dataset file this sample came from (for messages), 0 when not from a file.</summary>
    public int Line { get; init; }

    public string Language => Metadata.TryGetValue(MetadataKeys.Language, out var language) ? language : "en";
}
