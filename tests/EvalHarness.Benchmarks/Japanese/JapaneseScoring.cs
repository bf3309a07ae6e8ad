using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Metrics;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Validation;

namespace EvalHarness.Benchmarks.Japanese;

/// <summary>
/// What the engine hands a scorer for <see cref="JapanesePairs"/>: one Japanese sample per pair whose
/// target is the reference and whose output is the hypothesis, behind a prompt that states a length
/// limit (for instruction_compliance). Scorers are built by their factories from suite options.
/// </summary>
internal static class JapaneseScoring
{
    public static ScoreInput[] Inputs((string Hypothesis, string Reference)[] pairs) =>
        [.. pairs.Select((pair, i) => Input(pair.Hypothesis, pair.Reference, i))];

    /// <summary>A scorer as a suite with these options (JSON) would configure it.</summary>
    public static IScorer Create(IScorerFactory factory, string options = "{}")
    {
        var node = (JsonObject)JsonNode.Parse(options)!;
        var diagnostics = new DiagnosticBag();
        var scorer = factory.Create(new ScorerContext { Options = new ConfigSection(new ConfigDocument("suite.yaml", node), node, "scorers[0].options", diagnostics), Tokenizers = Cli.Composition.Catalog.Tokenizers });
        return diagnostics.HasErrors ? throw new InvalidOperationException($"bad options for {factory.Name}: {options}") : scorer;
    }

    /// <summary>Scores every input; the sum keeps the work observable. Every scorer here completes synchronously.</summary>
    public static double ScoreAll(IScorer scorer, ScoreInput[] inputs)
    {
        var sum = 0.0;
        foreach (var input in inputs)
        {
            sum += scorer.ScoreAsync(input, CancellationToken.None).GetAwaiter().GetResult().Value ?? 0;
        }

        return sum;
    }

    /// <summary>What a corpus metric receives: one sample score per pair, one epoch each.</summary>
    public static MetricInput MetricInput(IScorer scorer, ScoreInput[] inputs)
    {
        var scores = new SampleScore[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var score = scorer.ScoreAsync(inputs[i], CancellationToken.None).GetAwaiter().GetResult();
            scores[i] = new SampleScore(inputs[i].Sample.Id, score.Value ?? 0, [score], inputs[i].Sample.Metadata);
        }

        return new MetricInput(scores, 0.95, 42);
    }

    private static ScoreInput Input(string output, string target, int index)
    {
        var sample = new Sample
        {
            Id = "ja" + index.ToString("D4", CultureInfo.InvariantCulture),
            Input = [new PromptMessage(MessageRoles.User, $"次の文を、意味を変えずに40文字以内で言い換えてください。\n{target}")],
            Targets = [target],
            Metadata = new Dictionary<string, string> { [MetadataKeys.Language] = "ja" },
        };
        return new ScoreInput(sample, 1, output, [.. sample.Input, new PromptMessage(MessageRoles.Assistant, output)]);
    }
}
