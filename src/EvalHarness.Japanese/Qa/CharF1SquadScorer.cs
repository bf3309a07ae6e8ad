using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scorers.Text;
using EvalHarness.Scoring;
using EvalHarness.Scorers.Match;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Japanese.Qa;

/// <summary>
/// SQuAD-style F1 over characters (<see cref="CharBagF1"/>): partial credit for an answer span that is
/// too long or too short, independent of character order. Precision and recall go to the metadata.
/// </summary>
internal sealed class CharF1SquadScorer : IScorer
{
    private readonly bool _firstParagraph;

    public CharF1SquadScorer(bool firstParagraph = false)
    {
        _firstParagraph = firstParagraph;
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        // NFKC is part of the metric itself (both sides), so the output is only cut here.
        var prediction = _firstParagraph ? QaTextOptions.Cut(input.Output) : input.Output;
        return Task.FromResult(BestTarget.Score(
            input.Sample,
            prediction,
            t => CharBagF1.Compute(prediction, t),
            r => r.F1,
            r => new JsonObject
            {
                ["precision"] = r.Precision,
                ["recall"] = r.Recall,
                ["prediction_chars"] = r.PredictionChars,
                ["target_chars"] = r.ReferenceChars,
                ["common"] = r.Common,
            },
            (r, target) => string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Common} characters in common between {r.PredictionChars} of the output and {r.ReferenceChars} of target '{Snippet.Of(target, 40)}' (precision {Format(r.Precision)}, recall {Format(r.Recall)})")));
    }

    public SampleProblem? CheckSample(Sample sample) => Targets.Require(sample);

    private static string Format(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "undefined";

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "char_f1_squad";

        public string Description => "SQuAD-style bag-of-characters F1 after NFKC on both sides, whitespace ignored (options: first_paragraph)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["mean"];

        public ScoreMeaning Meaning { get; } = ScoreMeaning.Graded(ValueRange.Unit);

        public IScorer Create(ScorerContext context) => new CharF1SquadScorer(QaTextOptions.Read(context.Options, withNfkcTarget: false).FirstParagraph);
    }
}
