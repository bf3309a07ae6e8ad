using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// <c>aisev_choice</c>: Inspect's <c>choice()</c> scorer, which aisev means to use for multiple choice. Correct
/// exactly when the set of letters chosen equals the letters of the target (<c>B</c>; <c>AC</c> for two).
/// </summary>
internal sealed class AisevChoiceScorer : IScorer
{
    private AisevChoiceScorer()
    {
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var choices = input.Sample.Choices.Count;
        var target = input.Sample.Targets.Count > 0 ? input.Sample.Targets[0] : string.Empty;
        var expected = AisevAnswer.Indexes(target).Order().ToList();
        var chosen = AisevAnswer.Chosen(input.Output, choices);
        if (chosen is null)
        {
            return Task.FromResult(Score.Fail(null, $"no 'ANSWER: <letter>' in the output; expected {target}"));
        }

        var letters = string.Concat(chosen.Select(ChoiceLabels.Letter));
        return Task.FromResult(Score.Of(chosen.SequenceEqual(expected), letters, $"chose {(letters.Length == 0 ? "no option" : letters)}; expected {target}"));
    }

    public SampleProblem? CheckSample(Sample sample)
    {
        if (sample.Choices.Count == 0)
        {
            return new SampleProblem("choices", "multiple choice needs options: the row's ans0, ans1, … cells are all empty");
        }

        return sample.Targets.Count == 0 ? new SampleProblem("target", "multiple choice needs the correct letter(s) in 'output'") : null;
    }

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "aisev_choice";

        public string Description => "aisev multiple choice as Inspect's choice(): the letters after 'ANSWER:' must be exactly the target's letters (B, or AC for two)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy", AisevScoreMetric.Name];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context) => new AisevChoiceScorer();
    }
}
