using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Models;

namespace EvalHarness.BrowserTests.Support;

/// <summary>
/// Run logs written record by record, for content no suite could produce (hostile strings in ids and
/// metadata) or sizes no test should wait for a target to answer. <c>evalh report</c> then derives
/// results.json and the reports from the log, exactly as for a real run.
/// </summary>
internal static class SyntheticLog
{
    public static readonly DateTimeOffset Started = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static SuiteHeader Suite(string name, int samples, IReadOnlyList<string> scorers, params string[] groupBy) => new()
    {
        Name = name,
        Version = "1.0",
        Language = "en",
        Path = $"suites/{name}/suite.yaml",
        Files = [new SuiteFile($"suites/{name}/suite.yaml", new string('0', 64))],
        Samples = samples,
        Epochs = new EpochSettings(1, "mean"),
        Generate = GenerationSettings.Empty,
        Solver = [new StepHeader("generate", [])],
        Scorers = scorers.Select(s => new ScorerHeader(s, s, [], ["accuracy"])).ToList(),
        GroupBy = groupBy,
    };

    public static SampleRecord Sample(string suite, string id, string? output, IReadOnlyDictionary<string, Score>? scores, SampleError? error = null) => new()
    {
        Suite = suite,
        Id = id,
        Epoch = 1,
        Input = [new PromptMessage("user", "question " + id)],
        Output = output,
        Scores = scores,
        Error = error,
        Attempts = 1,
        Started = Started,
        Completed = Started.AddSeconds(1),
    };

    /// <summary>Writes <c>log.jsonl</c> of a completed run into <paramref name="directory"/> and generates its reports.</summary>
    /// <param name="header">Changes to the header (judges, the run a re-scored run came from), if any.</param>
    public static async Task<string> WriteRunAsync(string directory, SuiteHeader suite, IReadOnlyList<SampleRecord> samples, Func<LogHeader, LogHeader>? header = null)
    {
        Directory.CreateDirectory(directory);
        using (var writer = RunLogWriter.Create(Path.Combine(directory, "log.jsonl")))
        {
            var written = new LogHeader
            {
                RunId = "synthetic-" + suite.Name,
                Harness = HarnessInfo.Current,
                Started = Started,
                Model = new ModelInfo("replay:synthetic.jsonl", "replay", null, null, false, "recorded responses, not a live model"),
                Suites = [suite],
                Settings = new RunSettings(),
            };
            writer.Write(header is null ? written : header(written));
            foreach (var sample in samples)
            {
                writer.Write(sample);
            }

            writer.Write(new LogFooter
            {
                Ended = Started.AddMinutes(1),
                Status = RunStatus.Completed,
                Planned = samples.Count,
                Completed = samples.Count,
                Errored = samples.Count(s => s.IsError),
            });
        }

        await CliRun.SucceedAsync("report", directory);
        return directory;
    }
}
