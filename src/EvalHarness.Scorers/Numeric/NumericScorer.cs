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
        // Loops rather than LINQ and closures: this runs once per sample, inside the request phase of large runs.
        var targets = new List<double>(input.Sample.Targets.Count);
        foreach (var target in input.Sample.Targets)
        {
            if (NumberExtractor.Parse(target) is { } number)
            {
                targets.Add(number);
            }
        }

        var expected = Expected(targets);
        if (NumberExtractor.Extract(input.Output, _normalization.Nfkc, _normalization.IgnoreCase) is not { } found)
        {
            return Task.FromResult(Score.Fail(null, $"no number found in the output; expected {expected}"));
        }

        var hit = false;
        foreach (var target in targets)
        {
            hit |= Math.Abs(found.Value - target) <= _absolute + (_relative * Math.Abs(target));
        }

        var read = Format(found.Value);
        return Task.FromResult(Score.Of(hit, read, $"read {read} from '{found.Text}'; expected {expected}"));
    }

    private static string Expected(List<double> targets) => targets.Count == 1
        ? Format(targets[0])
        : string.Join(" or ", targets.ConvertAll(Format));

    public SampleProblem? CheckSample(Sample sample)
    {
        if (sample.Targets.Count == 0)
        {
            return new SampleProblem("target", "the numeric scorer needs a target number");
        }

        var bad = sample.Targets.FirstOrDefault(t => NumberExtractor.Parse(t) is null);
        return bad is null ? null : new SampleProblem("target", $"target '{bad}' is not a number");
    }

    /// <summary>
    /// Fifteen significant digits, so that 0.1 + 0.2 reads 0.3. A whole number below 10^15 has no more digits than
    /// that and no exponent, so it is written as the integer it is: "G15" formats through the exact (and slow)
    /// big-number path for every value, twice per sample.
    /// </summary>
    internal static string Format(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Floor(value) && (value != 0 || !double.IsNegative(value))
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("G15", CultureInfo.InvariantCulture);

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
