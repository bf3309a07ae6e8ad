using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scorers.Text;
using EvalHarness.Scoring;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Scorers.Match;

/// <summary>Correct when the output contains one of the targets after normalisation.</summary>
internal sealed class IncludesScorer : IScorer
{
    private readonly TextNormalization _normalization;

    public IncludesScorer(TextNormalization normalization)
    {
        _normalization = normalization;
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var output = _normalization.Apply(input.Output);
        foreach (var target in input.Sample.Targets)
        {
            var normalized = _normalization.Apply(target);
            if (normalized.Length > 0 && output.Contains(normalized, StringComparison.Ordinal))
            {
                return Task.FromResult(Score.Pass(target, $"output contains '{Snippet.Of(target)}'"));
            }
        }

        return Task.FromResult(Score.Fail(null, $"output contains none of: {Targets.List(input.Sample.Targets)}"));
    }

    public SampleProblem? CheckSample(Sample sample) => Targets.Require(sample);

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "includes";

        public string Description => "output contains a target (options: nfkc, ignore_case, ignore_punctuation)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context) => new IncludesScorer(TextNormalization.Read(context.Options));
    }
}
