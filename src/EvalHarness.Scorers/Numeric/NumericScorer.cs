using System.Globalization;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scorers.Text;
using EvalHarness.Scoring;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Scorers.Numeric;

/// <summary>
/// Correct when the number read from the output is within tolerance of a target number:
/// |answer − target| ≤ abs_tolerance + rel_tolerance × |target|.
/// </summary>
internal sealed class NumericScorer : IScorer
{
    private readonly double _absolute;
    private readonly double _relative;
    private readonly TextNormalization _normalization;

    public NumericScorer(double absoluteTolerance, double relativeTolerance, TextNormalization normalization)
    {
        _absolute = absoluteTolerance;
        _relative = relativeTolerance;
        _normalization = normalization;
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var targets = input.Sample.Targets.Select(t => NumberExtractor.Parse(t)).OfType<double>().ToList();
        var expected = string.Join(" or ", targets.Select(Format));
        if (NumberExtractor.Extract(input.Output, _normalization.Nfkc, _normalization.IgnoreCase) is not { } found)
        {
            return Task.FromResult(Score.Fail(null, $"no number found in the output; expected {expected}"));
        }

        var hit = targets.Exists(t => Math.Abs(found.Value - t) <= _absolute + (_relative * Math.Abs(t)));
        return Task.FromResult(Score.Of(hit, Format(found.Value), $"read {Format(found.Value)} from '{found.Text}'; expected {expected}"));
    }

    public SampleProblem? CheckSample(Sample sample)
    {
        if (sample.Targets.Count == 0)
        {
            return new SampleProblem("target", "the numeric scorer needs a target number");
        }

        var bad = sample.Targets.FirstOrDefault(t => NumberExtractor.Parse(t) is null);
        return bad is null ? null : new SampleProblem("target", $"target '{bad}' is not a number");
    }

    private static string Format(double value) => value.ToString("G15", CultureInfo.InvariantCulture);

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "numeric";

        public string Description => "number in the output within tolerance of the target (options: abs_tolerance, rel_tolerance, nfkc, ignore_case for answer markers); reads 1,234, １２, 1.5万, 三十五";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context) => new NumericScorer(
            context.Options.GetDouble("abs_tolerance", 0) ?? 0,
            context.Options.GetDouble("rel_tolerance", 0) ?? 1e-9,
            TextNormalization.ReadWidthAndCase(context.Options));
    }
}
