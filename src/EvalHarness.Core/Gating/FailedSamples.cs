using EvalHarness.Logs;
using EvalHarness.Reports;
using EvalHarness.Scoring;

namespace EvalHarness.Gating;

/// <summary>
/// For a failing threshold over a pass/fail scorer, the samples that scorer failed (within the group, if any):
/// what a CI job lists as failed tests. Outputs are masked as the reports mask them, and cut short.
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

        var failed = context.Builder.Outcomes(suite, context.Run)
            .Where(s => group is null || s.Metadata.GetValueOrDefault(group.Key) == group.Value)
            .Where(s => s.Scores[index]?.Score is { Value: < 1 })
            .ToList();
        if (failed.Count == 0)
        {
            return outcome;
        }

        var quoted = failed.Take(GateEvaluator.MaxFailedSamples).ToList();
        var records = LastRecords(context.Run, suiteName, quoted.Select(s => s.Id).ToHashSet(StringComparer.Ordinal));
        return outcome with
        {
            FailedSamples = quoted.Select(s =>
            {
                var last = records.TryGetValue(s.Id, out var record) ? OutputMasking.Mask(record) : null;
                var output = last?.Output is { Length: > MaxOutputChars } text ? Cut(text) : last?.Output;
                return new FailedSample(suiteName, s.Id, last?.Scores?.GetValueOrDefault(scorer)?.Explanation, output);
            }).ToList(),
            FailedSamplesTotal = failed.Count,
        };
    }

    /// <summary>
    /// The record each quoted sample's outcome came from (its last epoch, the later one after a resume), read in one
    /// pass: results keep no texts, and a large run's records are on disk.
    /// </summary>
    private static Dictionary<string, SampleRecord> LastRecords(RunLog log, string suite, HashSet<string> ids)
    {
        var last = new Dictionary<string, SampleRecord>(StringComparer.Ordinal);
        foreach (var record in log.Samples)
        {
            if (string.Equals(record.Suite, suite, StringComparison.Ordinal) && ids.Contains(record.Id)
                && (!last.TryGetValue(record.Id, out var earlier) || record.Epoch >= earlier.Epoch))
            {
                last[record.Id] = record;
            }
        }

        return last;
    }

    // Never half a surrogate pair: the cut text must stay valid for JSON and XML writers.
    private static string Cut(string text)
    {
        var length = char.IsHighSurrogate(text[MaxOutputChars - 1]) ? MaxOutputChars - 1 : MaxOutputChars;
        return text[..length] + "…";
    }
}
