using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Aisev;

/// <summary>Runs `evalh run` on aisev CSVs in-process against a scripted model and a scripted judge on 127.0.0.1.</summary>
internal static class AisevRuns
{
    public static string Presets => Path.Combine(RepoPaths.Shared, "datasets", "aisev");

    public static async Task<(CliRun Cli, string Output)> RunAsync(TempDirectory dir, string dataset, FakeOpenAiServer model, FakeOpenAiServer judge, params string[] arguments)
    {
        var output = dir.Combine("run");
        var cli = await CliRun.InvokeAsync(
            [
                "run", dataset, "--model", "openai/model-under-test", "--base-url", model.BaseUrl.ToString(),
                "--judge", "openai/judge", "--judge-base-url", judge.BaseUrl.ToString(), "--out", output, "--no-cache", .. arguments,
            ],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-aisev-test-5d7f9b1c3e" });
        return (cli, output);
    }

    public static RunLog Log(string output) => RunLogReader.Read(Path.Combine(output, "log.jsonl"));

    public static RunResults Results(string output) => ResultsFile.Read(Path.Combine(output, "results.json"));

    public static MetricResult Metric(IEnumerable<MetricResult> metrics, string scorer, string metric) =>
        metrics.Single(m => m.Scorer == scorer && m.Metric == metric);
}
