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
/// llm-jp-eval's <c>char_f1</c> (JEMHopQA, NIILC, JSQuAD): fuzzywuzzy's <c>token_sort_ratio</c> of the
/// NFKC-normalised output and the target, divided by 100. Despite the name it is an edit-distance
/// similarity on sorted tokens, not an F1 over characters; <c>char_f1_squad</c> is that.
/// </summary>
internal sealed class CharF1Scorer : IScorer
{
    private readonly QaTextOptions _options;

    public CharF1Scorer(bool nfkcTarget = false, bool firstParagraph = false)
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
            t => TokenSortRatio.Compute(prediction, _options.Target(t)),
            r => r.Ratio / 100.0,
            r => r.Lcs is { } lcs
                ? new JsonObject { ["token_sort_ratio"] = r.Ratio, ["path"] = r.PathName, ["lcs"] = lcs }
                : new JsonObject { ["token_sort_ratio"] = r.Ratio, ["path"] = r.PathName },
            (r, _) => Explain(r)));
    }

    public SampleProblem? CheckSample(Sample sample) => Targets.Require(sample);

    private static string Explain(TokenSortResult r)
    {
        var compared = $"processed output '{Snippet.Of(r.ProcessedA, 40)}' and target '{Snippet.Of(r.ProcessedB, 40)}'";
        return r.Path switch
        {
            TokenSortPath.EqualAfterProcessing => $"token_sort_ratio 100: {compared} are equal",
            TokenSortPath.OneSideEmpty => $"token_sort_ratio 0: one of {compared} is empty",
            _ => string.Create(CultureInfo.InvariantCulture, $"token_sort_ratio {r.Ratio} of {compared}: longest common subsequence {r.Lcs} over {r.LengthA} + {r.LengthB} code points"),
        };
    }

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "char_f1";

        public string Description => "llm-jp-eval char_f1: fuzzywuzzy token_sort_ratio / 100 of NFKC(output) and target (options: nfkc_target, first_paragraph)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["mean"];

        public ScoreMeaning Meaning { get; } = ScoreMeaning.Graded(ValueRange.Unit);

        public IScorer Create(ScorerContext context)
        {
            var text = QaTextOptions.Read(context.Options);
            return new CharF1Scorer(text.NfkcTarget, text.FirstParagraph);
        }
    }
}
