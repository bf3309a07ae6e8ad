using EvalHarness.Suites;
using EvalHarness.Scoring;

namespace EvalHarness.Tests.Support;

/// <summary>Builds samples and scorer inputs tersely for tests.</summary>
internal static class Samples
{
    public static Sample Make(string input = "question", string[]? targets = null, string[]? choices = null, string language = "en", string id = "s1", Dictionary<string, string>? metadata = null)
    {
        var meta = new Dictionary<string, string>(metadata ?? [], StringComparer.Ordinal) { [MetadataKeys.Language] = language };
        return new Sample
        {
            Id = id,
            Input = [new PromptMessage(MessageRoles.User, input)],
            Targets = targets ?? [],
            Choices = choices ?? [],
            Metadata = meta,
        };
    }

    public static ScoreInput Input(Sample sample, string output) =>
        new(sample, 1, output, [.. sample.Input, new PromptMessage(MessageRoles.Assistant, output)]);
}
