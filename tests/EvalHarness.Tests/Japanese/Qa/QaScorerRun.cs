using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Japanese.Qa;

/// <summary>Runs a Japanese QA scorer as a suite would configure it.</summary>
internal static class QaScorerRun
{
    public static Task<Score> ScoreAsync(IScorerFactory factory, string output, string[] targets, string options = "{}")
    {
        var scorer = factory.Create(Options.Of(options));
        return scorer.ScoreAsync(Samples.Input(Samples.Make(targets: targets), output), CancellationToken.None);
    }
}
