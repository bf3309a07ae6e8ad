using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scorers.Text;
using EvalHarness.Scoring;
using EvalHarness.Scorers.Match;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Japanese.Qa;

/// <summary>
/// llm-jp-eval's <c>exact_match</c>: the NFKC-normalised, stripped output equals the target character for
/// character. Unlike the general <c>exact</c> scorer it folds no case and collapses no inner whitespace,
/// so a suite that names it reproduces llm-jp-eval's accuracy rather than a more lenient one.
/// </summary>
internal sealed class LlmJpExactMatchScorer : IScorer
{
    private readonly QaTextOptions _options;

    public LlmJpExactMatchScorer(bool nfkcTarget = false, bool firstParagraph = false)
    {
        _options = new QaTextOptions(nfkcTarget, firstParagraph);
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var targets = input.Sample.Targets;
        if (targets.Count == 0)
        {
            return Task.FromResult(Score.Failed(Targets.Require(input.Sample)!.Message));
        }

        var prediction = PythonText.Strip(_options.Prediction(input.Output));
        foreach (var target in targets)
        {
            if (string.Equals(prediction, _options.Target(target), StringComparison.Ordinal))
            {
                return Task.FromResult(Score.Pass(Snippet.Of(prediction), $"normalised output equals target '{Snippet.Of(target)}'"));
            }
        }

        return Task.FromResult(Score.Fail(Snippet.Of(prediction), $"normalised output '{Snippet.Of(prediction)}' equals none of: {Targets.List(targets)}"));
    }

    public SampleProblem? CheckSample(Sample sample) => Targets.Require(sample);

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "exact_match";

        public string Description => "llm-jp-eval exact_match: NFKC(output).strip() equals a target exactly (options: nfkc_target, first_paragraph)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context)
        {
            var text = QaTextOptions.Read(context.Options);
            return new LlmJpExactMatchScorer(text.NfkcTarget, text.FirstParagraph);
        }
    }
}
