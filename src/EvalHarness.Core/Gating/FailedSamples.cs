using EvalHarness.Scoring;

namespace EvalHarness.Gating;

/// <summary>
/// For a failing threshold over a pass/fail scorer, the samples that scorer failed (within the group, if any):
/// what a CI job lists as failed tests. Outputs come from the masked log and are cut short.
/// </summary>
internal static class FailedSamples
{
    private const int MaxOutputChars = 300;

    public static RuleOutcome Attach(RuleOutcome outcome, GateContext context, string suiteName, string scorer, Results.GroupResults? group)
    {
        if (context.Suite(suiteName) is not { } suite)
        {
            return outcome;
        }

        var index = suite.Scorers.ToList().FindIndex(s => s.Id == scorer);
        if (index < 0 || suite.Scorers[index].Meaning.Kind != ScoreKind.PassFail)
        {
            return outcome;
        }

        var failed = context.MaskedOutcomes(suite)
            .Where(s => group is null || s.Metadata.GetValueOrDefault(group.Key) == group.Value)
            .Where(s => s.Scores[index]?.Score is { Value: < 1 })
            .ToList();
        if (failed.Count == 0)
        {
            return outcome;
        }

        return outcome with
        {
            FailedSamples = failed.Take(GateEvaluator.MaxFailedSamples).Select(s =>
            {
                var last = s.Records[^1];
                var output = last.Output is { Length: > MaxOutputChars } text ? Cut(text) : last.Output;
                return new FailedSample(suiteName, s.Id, last.Scores?.GetValueOrDefault(scorer)?.Explanation, output);
            }).ToList(),
            FailedSamplesTotal = failed.Count,
        };
    }

    // Never half a surrogate pair: the cut text must stay valid for JSON and XML writers.
    private static string Cut(string text)
    {
        var length = char.IsHighSurrogate(text[MaxOutputChars - 1]) ? MaxOutputChars - 1 : MaxOutputChars;
        return text[..length] + "…";
    }
}
