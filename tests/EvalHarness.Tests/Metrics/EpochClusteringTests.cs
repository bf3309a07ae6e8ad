using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Metrics;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Metrics;

/// <summary>
/// The sample is the unit of every interval: running each sample three times with the same answers must leave every
/// metric, its interval and its n exactly as one epoch gives them. Were epochs counted as new samples, Wilson, t and
/// every bootstrap interval (BBQ bias scores, paired divergence, corpus BLEU/chrF) would narrow by about √3.
/// </summary>
[TestFixture]
public sealed class EpochClusteringTests
{
    [TestCase("bias")]
    [TestCase("japanese-quality")]
    public async Task Repeating_identical_epochs_leaves_every_metric_and_interval_unchanged(string suite)
    {
        using var dir = new TempDirectory();
        var once = Path.Combine(dir.Path, "once.jsonl");
        var thrice = Path.Combine(dir.Path, "thrice.jsonl");
        WriteEpochs(Path.Combine(RepoPaths.Suites, suite, "demo.jsonl"), once, 1);
        WriteEpochs(Path.Combine(RepoPaths.Suites, suite, "demo.jsonl"), thrice, 3);

        var one = await RunAsync(suite, once, 1, Path.Combine(dir.Path, "one"));
        var three = await RunAsync(suite, thrice, 3, Path.Combine(dir.Path, "three"));

        Assert.That(three.Keys, Is.EquivalentTo(one.Keys));
        var bootstraps = 0;
        foreach (var (key, metric) in one)
        {
            // The mean of three equal values may differ from the value in the last bit; anything more is a real change.
            var other = three[key];
            Assert.That((other.N, other.Method), Is.EqualTo((metric.N, metric.Method)), key);
            Assert.That(other.Value, Is.EqualTo(metric.Value).Within(1e-9), key);
            Assert.That(other.Low, Is.EqualTo(metric.Low).Within(1e-9), key + ": interval low");
            Assert.That(other.High, Is.EqualTo(metric.High).Within(1e-9), key + ": interval high");
            bootstraps += metric.Method == IntervalMethods.Bootstrap ? 1 : 0;
        }

        Assert.That(bootstraps, Is.GreaterThan(0), "the suite has bootstrap intervals to check");
    }

    /// <summary>The suite's demo recordings with every line repeated for epochs 1..n (same answer, same judge verdicts).</summary>
    private static void WriteEpochs(string source, string target, int epochs)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadLines(source).Where(l => l.Trim().Length > 0))
        {
            var node = JsonNode.Parse(line)!.AsObject();
            for (var epoch = 1; epoch <= epochs; epoch++)
            {
                node["epoch"] = epoch;
                lines.Add(node.ToJsonString());
            }
        }

        File.WriteAllLines(target, lines);
    }

    private static async Task<Dictionary<string, Metric>> RunAsync(string suite, string recordings, int epochs, string output)
    {
        var run = await CliRun.InvokeAsync(["run", Path.Combine(RepoPaths.Suites, suite), "--model", "replay:" + recordings, "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", output]);
        Assert.That(run.ExitCode, Is.Zero, run.All);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        var metrics = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var s in results.RootElement.GetProperty("suites").EnumerateArray())
        {
            Add(metrics, s.GetProperty("metrics"), string.Empty);
            foreach (var group in s.GetProperty("groups").EnumerateArray())
            {
                Add(metrics, group.GetProperty("metrics"), group.GetProperty("key").GetString() + "=" + group.GetProperty("value").GetString());
            }
        }

        return metrics;
    }

    private static void Add(Dictionary<string, Metric> metrics, JsonElement list, string group)
    {
        foreach (var m in list.EnumerateArray())
        {
            var key = $"{group}/{m.GetProperty("scorer").GetString()}/{m.GetProperty("metric").GetString()}";
            metrics[key] = new Metric(Number(m, "value"), Number(m, "ci_low"), Number(m, "ci_high"), m.GetProperty("n").GetInt32(), Text(m, "ci_method"));
        }
    }

    private static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed record Metric(double? Value, double? Low, double? High, int N, string? Method);
}
