using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Tests.Logs;

namespace EvalHarness.Tests.Comparison;

/// <summary>Crafted run logs for the comparison tests: one suite "s" with a pass/fail scorer "pass" and a graded one "grade".</summary>
internal static class CompareLogs
{
    public static SuiteHeader Suite(string sha = "00", int epochs = 1, ScoreDirection gradeDirection = ScoreDirection.HigherIsBetter) =>
        RunLogTests.Suite(samples: 0, epochs: epochs, groupBy: "category") with
        {
            Files = [new SuiteFile("suite.yaml", sha)],
            Scorers =
            [
                new ScorerHeader("pass", "exact", [], ["accuracy"], ValueRange.Unit, ScoreKind.PassFail, ScoreDirection.HigherIsBetter),
                new ScorerHeader("grade", "char_f1", [], ["mean"], ValueRange.Unit, ScoreKind.Graded, gradeDirection),
            ],
        };

    public static SampleRecord Record(string id, double pass, double grade = 0.5, string category = "c", int epoch = 1) => new()
    {
        Suite = "s",
        Id = id,
        Epoch = epoch,
        Input = [new PromptMessage("user", "q")],
        Output = "answer",
        Metadata = new Dictionary<string, string> { ["category"] = category },
        Scores = new Dictionary<string, Score> { ["pass"] = new() { Value = pass }, ["grade"] = new() { Value = grade } },
    };

    /// <summary>n samples "s001".. with the given pass values (1 unless listed as failing).</summary>
    public static List<SampleRecord> Passing(int n, IEnumerable<int>? failing = null, Func<int, double>? grade = null, Func<int, string>? category = null)
    {
        var fails = (failing ?? []).ToHashSet();
        return Enumerable.Range(0, n).Select(i => Record($"s{i:000}", fails.Contains(i) ? 0 : 1, grade?.Invoke(i) ?? 0.5, category?.Invoke(i) ?? "c")).ToList();
    }

    public static RunLog Log(string runId, IReadOnlyList<SampleRecord> records, SuiteHeader? suite = null) => new()
    {
        Header = RunLogTests.Header((suite ?? Suite()) with { Samples = records.Select(r => r.Id).Distinct().Count() }) with { RunId = runId },
        Samples = records,
        Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = records.Count, Completed = records.Count, Errored = 0 },
    };

    public static string Write(string directory, RunLog log)
    {
        Directory.CreateDirectory(directory);
        using var writer = RunLogWriter.Create(Path.Combine(directory, "log.jsonl"));
        writer.Write(log.Header);
        foreach (var record in log.Samples)
        {
            writer.Write(record);
        }

        writer.Write(log.Footer!);
        return directory;
    }
}
