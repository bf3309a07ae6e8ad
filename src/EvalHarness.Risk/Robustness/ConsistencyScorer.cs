using System.Text.Json.Nodes;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Risk.Robustness;

/// <summary>
/// One item of a perturbation group: reads and normalises the short answer (<see cref="ShortAnswerReader"/>),
/// records it as the score's answer for <see cref="ConsistencyRateMetric"/>, and scores it against the
/// targets (1 = correct).
/// </summary>
internal sealed class ConsistencyScorer : IScorer
{
    public const string Name = "consistency";

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public SampleProblem? CheckSample(Sample sample)
    {
        if (sample.Targets.Count == 0)
        {
            return new SampleProblem("target", "the consistency scorer needs a target (the answer to the question)");
        }

        if (!sample.Metadata.TryGetValue(PerturbationKeys.Group, out var group) || group.Trim().Length == 0)
        {
            return new SampleProblem(PerturbationKeys.Group, $"the consistency scorer needs the sample metadata '{PerturbationKeys.Group}' (shared by the items asking the same question)");
        }

        return sample.Metadata.TryGetValue(PerturbationKeys.Perturbation, out var kind) && PerturbationKeys.Kinds.Contains(kind)
            ? null
            : new SampleProblem(PerturbationKeys.Perturbation, $"the consistency scorer needs the sample metadata '{PerturbationKeys.Perturbation}', one of {string.Join(", ", PerturbationKeys.Kinds)}");
    }

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        if (CheckSample(input.Sample) is { } problem)
        {
            return Task.FromResult(Score.Failed(problem.Message));
        }

        var read = ShortAnswerReader.Read(input.Output, input.Sample.Targets);
        var metadata = new JsonObject { ["span"] = read.Span, ["group"] = input.Sample.Metadata[PerturbationKeys.Group] };
        var explanation = read.Correct
            ? $"correct: read 「{read.Answer}」"
            : $"incorrect: read 「{read.Answer}」, expected {string.Join(" / ", input.Sample.Targets)}";
        return Task.FromResult(new Score { Value = read.Correct ? 1 : 0, Answer = read.Answer, Explanation = explanation, Metadata = metadata });
    }

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => ConsistencyScorer.Name;

        public string Description => "a short answer to a (perturbed) question, normalised (width, case, the target found) and scored against the targets; with consistency_rate, the share of perturbed items answered as their unperturbed original";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy", ConsistencyRateMetric.Name];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context) => new ConsistencyScorer();
    }
}
