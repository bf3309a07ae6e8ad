using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Tests.Comparison;
using EvalHarness.Tests.Logs;

namespace EvalHarness.Tests.Gating;

/// <summary>
/// Crafted runs for the gate: suite "s" with a pass/fail scorer "pass", a graded "grade" and a judge scorer "judge";
/// samples tagged with category, risk and perspective (grouped by category and risk).
/// </summary>
internal static class GateLogs
{
    public static SuiteHeader Suite() =>
        RunLogTests.Suite(samples: 0, groupBy: ["category", "risk"]) with
        {
            Scorers =
            [
                new ScorerHeader("pass", "exact", [], ["accuracy"], ValueRange.Unit, ScoreKind.PassFail, ScoreDirection.HigherIsBetter),
                new ScorerHeader("grade", "char_f1", [], ["mean"], ValueRange.Unit, ScoreKind.Graded, ScoreDirection.HigherIsBetter),
                new ScorerHeader("judge", "judge", [], ["accuracy"], ValueRange.Unit, ScoreKind.PassFail, ScoreDirection.HigherIsBetter) { Roles = [ModelRole.Judge] },
            ],
        };

    /// <summary>One sample; <paramref name="judgeError"/> leaves the judge without a verdict, <paramref name="errored"/> fails the sample.</summary>
    public static SampleRecord Record(string id, double pass, string category = "c", string risk = "hallucination", string perspective = "misinformation", bool judgeError = false, bool errored = false, string output = "answer") => new()
    {
        Suite = "s",
        Id = id,
        Epoch = 1,
        Input = [new PromptMessage("user", "q")],
        Output = errored ? null : output,
        Metadata = new Dictionary<string, string> { ["category"] = category, ["risk"] = risk, ["perspective"] = perspective },
        Scores = errored ? null : new Dictionary<string, Score>
        {
            ["pass"] = new() { Value = pass, Explanation = pass >= 1 ? "matched" : "did not match" },
            ["grade"] = new() { Value = 0.5 },
            ["judge"] = judgeError ? new Score { Error = "the judge gave no verdict", JudgeError = true } : new Score { Value = pass },
        },
        Error = errored ? new SampleError("permanent", "boom") : null,
    };

    /// <summary>n samples "s000".. passing unless listed as failing.</summary>
    public static List<SampleRecord> Samples(int n, IEnumerable<int>? failing = null, Func<int, string>? category = null, Func<int, string>? risk = null)
    {
        var fails = (failing ?? []).ToHashSet();
        return Enumerable.Range(0, n).Select(i => Record($"s{i:000}", fails.Contains(i) ? 0 : 1, category?.Invoke(i) ?? "c", risk?.Invoke(i) ?? "hallucination")).ToList();
    }

    public static RunLog Log(string runId, IReadOnlyList<SampleRecord> records) => CompareLogs.Log(runId, records, Suite());

    public static string Write(string directory, string runId, IReadOnlyList<SampleRecord> records) => CompareLogs.Write(directory, Log(runId, records));

    /// <summary>A policy file with these rules (YAML lines under <c>rules:</c>, indented by two spaces).</summary>
    public static string Policy(Support.TempDirectory dir, string rules, string name = "gate.yaml", string head = "version: 1\n") =>
        dir.File(name, head + "rules:\n" + rules);
}
