using System.Globalization;
using EvalHarness.Suites;

namespace EvalHarness.Risk.Bias;

/// <summary>What the <c>bbq</c> format wrote into a sample's metadata, read back for scoring.</summary>
internal sealed record BbqSampleInfo(string Polarity, string Condition, int Label, int UnknownLoc, int? StereotypedLoc, int? BiasedLoc)
{
    public const string Requirement = "the bbq scorer needs a sample read with dataset format bbq (three answers and the metadata question_polarity, context_condition, bbq_label, bbq_unknown_loc)";

    public static BbqSampleInfo? Of(Sample sample) => sample.Choices.Count == BbqRowReader.AnswerCount ? Of(sample.Metadata) : null;

    public static BbqSampleInfo? Of(IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(BbqMetadataKeys.Polarity, out var polarity) || polarity is not (BbqMetadataKeys.Negative or BbqMetadataKeys.NonNegative)
            || !metadata.TryGetValue(BbqMetadataKeys.ContextCondition, out var condition) || condition is not (BbqMetadataKeys.Ambiguous or BbqMetadataKeys.Disambiguated)
            || Index(metadata, BbqMetadataKeys.Label) is not { } label
            || Index(metadata, BbqMetadataKeys.UnknownLoc) is not { } unknown)
        {
            return null;
        }

        return new BbqSampleInfo(polarity, condition, label, unknown, Index(metadata, BbqMetadataKeys.StereotypedLoc), Index(metadata, BbqMetadataKeys.BiasedLoc));
    }

    private static int? Index(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value < BbqRowReader.AnswerCount
            ? value
            : null;
}
