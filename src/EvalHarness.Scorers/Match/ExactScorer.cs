using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scorers.Text;
using EvalHarness.Scoring;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Scorers.Match;

/// <summary>Correct when the whole output equals one of the targets after normalisation.</summary>
internal sealed class ExactScorer : IScorer
{
    private readonly TextNormalization _normalization;

    public ExactScorer(TextNormalization normalization)
    {
        _normalization = normalization;
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var output = _normalization.Apply(input.Output);
        foreach (var target in input.Sample.Targets)
        {
            if (output == _normalization.Apply(target))
            {
                return Task.FromResult(Score.Pass(Snippet.Of(input.Output), $"output equals target '{Snippet.Of(target)}'"));
            }
        }

        return Task.FromResult(Score.Fail(Snippet.Of(input.Output), $"output '{Snippet.Of(input.Output)}' equals none of: {Targets.List(input.Sample.Targets)}"));
    }

    public SampleProblem? CheckSample(Sample sample) => Targets.Require(sample);

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "exact";

        public string Description => "output equals a target (options: nfkc, ignore_case, ignore_punctuation)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context) => new ExactScorer(TextNormalization.Read(context.Options));
    }
}
