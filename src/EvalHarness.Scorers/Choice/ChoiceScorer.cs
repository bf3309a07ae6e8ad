using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scorers.Text;
using EvalHarness.Scoring;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Scorers.Choice;

/// <summary>
/// Multiple choice: extracts the chosen option from free text (see <see cref="ChoiceExtractor"/>) and
/// compares it with the target, given as a letter (<c>B</c>) or as the option's text.
/// </summary>
internal sealed class ChoiceScorer : IScorer
{
    private readonly TextNormalization _normalization;

    public ChoiceScorer(TextNormalization normalization)
    {
        _normalization = normalization;
    }

    public static ChoiceScorer Default { get; } = new(TextNormalization.Default);

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var choices = input.Sample.Choices;
        var correct = TargetIndexes(input.Sample, _normalization);
        var expected = string.Join(" or ", correct.Select(i => ChoiceLabels.Letter(i).ToString()));
        var answer = ChoiceExtractor.Extract(input.Output, choices, _normalization);
        if (answer is null)
        {
            return Task.FromResult(Score.Fail(null, $"no single option could be identified in the output; expected {expected}"));
        }

        var letter = ChoiceLabels.Letter(answer.Index).ToString();
        var ok = correct.Contains(answer.Index);
        return Task.FromResult(Score.Of(ok, letter,
            $"chose {letter} ('{Snippet.Of(choices[answer.Index], 40)}') from \"{Snippet.Of(answer.Evidence, 40)}\"; expected {expected}"));
    }

    public SampleProblem? CheckSample(Sample sample)
    {
        if (sample.Choices.Count < 2)
        {
            return new SampleProblem("choices", "the choice scorer needs at least two options in 'choices'");
        }

        if (sample.Targets.Count == 0)
        {
            return new SampleProblem("target", "the choice scorer needs a target: the correct option's letter or text");
        }

        foreach (var target in sample.Targets)
        {
            if (IndexOf(target, sample.Choices, _normalization) < 0)
            {
                return new SampleProblem("target", $"target '{target}' is neither a letter from A to {ChoiceLabels.Letter(sample.Choices.Count - 1)} nor the text of an option");
            }
        }

        return null;
    }

    private static HashSet<int> TargetIndexes(Sample sample, TextNormalization normalization) =>
        sample.Targets.Select(t => IndexOf(t, sample.Choices, normalization)).Where(i => i >= 0).ToHashSet();

    private static int IndexOf(string target, IReadOnlyList<string> choices, TextNormalization normalization)
    {
        // Targets are written by the suite author, so a full-width letter target always means that letter.
        var trimmed = target.Trim().Normalize(System.Text.NormalizationForm.FormKC);
        if (trimmed.Length == 1 && ChoiceLabels.IndexOf(trimmed[0]) is var index and >= 0 && index < choices.Count)
        {
            return index;
        }

        var wanted = normalization.Apply(trimmed);
        for (var i = 0; i < choices.Count; i++)
        {
            if (normalization.Apply(choices[i]) == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "choice";

        public string Description => "multiple choice: finds the chosen option in free text (B, (B), Ｂ, 答え：B, 正解はBです, the option text) and compares with the target (options: nfkc, ignore_case)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context) => new ChoiceScorer(TextNormalization.ReadWidthAndCase(context.Options));
    }
}
