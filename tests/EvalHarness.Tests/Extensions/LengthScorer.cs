using EvalHarness.Scoring;

namespace EvalHarness.Tests.Extensions;

/// <summary>DEVELOPERS.md's worked example, word for word, so the guide cannot drift from the API.</summary>
internal sealed class LengthScorer(int maxChars) : IScorer
{
    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken) =>
        Task.FromResult(Score.Of(input.Output.Length <= maxChars, null, $"{input.Output.Length} of at most {maxChars} characters"));

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "max_length";

        public string Description => "the answer has at most max_chars characters (option: max_chars, default 200)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context) => new LengthScorer(context.Options.GetInt("max_chars", 1, 1_000_000) ?? 200);
    }
}
