using System.Text.Json.Nodes;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>An `evalh run` that finished, and what it wrote, read the way a user reads it.</summary>
internal sealed class JudgedRun
{
    private RunLog? _log;
    private RunResults? _results;

    public JudgedRun(CliRun cli, string output)
    {
        Cli = cli;
        Output = output;
    }

    public CliRun Cli { get; }

    public string Output { get; }

    public RunLog Log => _log ??= RunLogReader.Read(Path.Combine(Output, "log.jsonl"));

    public RunResults Results => _results ??= ResultsFile.Read(Path.Combine(Output, "results.json"));

    /// <summary>results.json as written, for the field names a user's script reads.</summary>
    public JsonObject ResultsJson => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "results.json")))!.AsObject();

    public string Report => File.ReadAllText(Path.Combine(Output, "report.html"));

    public SampleRecord Sample(string id) => Log.Samples.Single(s => s.Id == id);

    public Score Score(string sample, string scorer) => Sample(sample).Scores![scorer];

    /// <summary>The judge calls kept in a score's metadata: every request, raw reply and verdict.</summary>
    public JsonArray Calls(string sample, string scorer) => Score(sample, scorer).Metadata!["judge"]!["calls"]!.AsArray();

    public MetricResult Metric(string scorer, string metric) =>
        Results.Suites.Single().Metrics.Single(m => m.Scorer == scorer && m.Metric == metric);

    public IEnumerable<string> MetricNames(string scorer) =>
        Results.Suites.Single().Metrics.Where(m => m.Scorer == scorer).Select(m => m.Metric);

    /// <summary>One metric of one scorer in results.json as written (snake_case fields).</summary>
    public JsonObject MetricJson(string scorer, string metric) =>
        ResultsJson["suites"]!.AsArray().Single()!["metrics"]!.AsArray()
            .Single(m => m!["scorer"]!.GetValue<string>() == scorer && m["metric"]!.GetValue<string>() == metric)!.AsObject();
}
