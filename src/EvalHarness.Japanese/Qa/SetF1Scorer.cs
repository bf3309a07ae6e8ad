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

/// <summary>llm-jp-eval's <c>set_f1</c> (<see cref="SetF1"/>) of the NFKC-normalised output's lines and the target's lines.</summary>
internal sealed class SetF1Scorer : IScorer
{
    private readonly QaTextOptions _options;

    public SetF1Scorer(bool nfkcTarget = false, bool firstParagraph = false)
    {
        _options = new QaTextOptions(nfkcTarget, firstParagraph);
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var prediction = _options.Prediction(input.Output);
        return Task.FromResult(BestTarget.Score(
            input.Sample,
            prediction,
            t => SetF1.Compute(prediction, _options.Target(t)),
            r => r.F1,
            r => new JsonObject
            {
                ["precision"] = r.Precision,
                ["recall"] = r.Recall,
                ["predicted_lines"] = r.PredictedItems,
                ["target_lines"] = r.ExpectedItems,
                ["matched"] = r.Matched,
            },
            (r, target) => string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Matched} of {r.PredictedItems} distinct output lines found among the {r.ExpectedItems} lines of target '{Snippet.Of(target, 40)}'")));
    }

    public SampleProblem? CheckSample(Sample sample) => Targets.Require(sample);

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "set_f1";

        public string Description => "llm-jp-eval set_f1: F1 of the output's distinct lines against the target's lines, after NFKC and strip (options: nfkc_target, first_paragraph)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["mean"];

        public ScoreMeaning Meaning { get; } = ScoreMeaning.Graded(ValueRange.Unit);

        public IScorer Create(ScorerContext context)
        {
            var text = QaTextOptions.Read(context.Options);
            return new SetF1Scorer(text.NfkcTarget, text.FirstParagraph);
        }
    }
}
