using System.Text.Json;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>Errored samples and judge errors as results.json counts them: a fast run that errored measured nothing.</summary>
internal static class RunErrors
{
    public static (long Errored, long JudgeErrors) Read(string outDir)
    {
        using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "results.json")));
        var root = results.RootElement;
        var errored = root.GetProperty("counts").GetProperty("errored").GetInt64();
        long judgeErrors = 0;
        foreach (var suite in root.GetProperty("suites").EnumerateArray())
        {
            foreach (var metric in suite.GetProperty("metrics").EnumerateArray())
            {
                if (metric.TryGetProperty("judge_errors", out var count) && count.ValueKind == JsonValueKind.Number)
                {
                    judgeErrors = Math.Max(judgeErrors, count.GetInt64());
                }
            }
        }

        return (errored, judgeErrors);
    }
}
