using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Reporting.Json;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Models;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Logs.RunLogTests;
using EvalHarness.Extensions;

namespace EvalHarness.Tests.Reporting;

[TestFixture]
public sealed class JsonReporterTests
{
    [Test]
    public void The_report_holds_exactly_what_results_json_holds_and_every_sample_record_as_in_the_log()
    {
        using var dir = new TempDirectory();
        var logPath = dir.Combine("log.jsonl");
        using (var writer = RunLogWriter.Create(logPath))
        {
            writer.Write(Header(Suite(samples: 3, epochs: 2, groupBy: ["language"])));
            writer.Write(Record("a", 1, 1, metadata: new() { ["language"] = "ja" }) with { Output = "日本語の答え \"引用\" <b>", Usage = new TokenUsage(10, 2, 12), LatencyMs = 12.5 });
            writer.Write(Record("a", 2, 0, metadata: new() { ["language"] = "ja" }));
            writer.Write(Record("b", 1, 0.5, metadata: new() { ["language"] = "en" }));
            writer.Write(Record("b", 2, 1, metadata: new() { ["language"] = "en" }));
            writer.Write(Record("c", 1, null, error: "HTTP 429"));
        }

        var log = RunLogReader.Read(logPath);
        var results = new ResultsBuilder(EvalCatalog.Core).Build(log);
        ResultsFile.Write(dir.Combine("results.json"), results);

        var report = Write(dir, new ReportInput(log, results));

        Assert.That((string?)report["schema"], Is.EqualTo("evalharness.report/1"));
        Assert.That(JsonNode.DeepEquals(report["results"], JsonNode.Parse(File.ReadAllText(dir.Combine("results.json")))), Is.True, "the same values as results.json");
        Assert.That((double?)report["results"]!["suites"]![0]!["metrics"]![0]!["value"], Is.EqualTo(results.Suites[0].Metrics[0].Value));
        Assert.That(report.AsObject().ContainsKey("comparison"), Is.False);

        var samples = report["samples"]!.AsArray();
        var lines = File.ReadAllLines(logPath).Skip(1).ToList();
        Assert.That(samples, Has.Count.EqualTo(log.Samples.Count).And.Count.EqualTo(5));
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.That(JsonNode.DeepEquals(samples[i], JsonNode.Parse(lines[i])), Is.True, $"sample {i} is its log line:\n{samples[i]}\n{lines[i]}");
        }

        Assert.That(File.ReadAllText(dir.Combine("report.json")), Does.Contain("日本語の答え"), "Japanese is readable, not \\u-escaped");

        // One sample per line, byte for byte its log line: a million-sample report stays greppable and no larger than the log.
        var text = File.ReadAllLines(dir.Combine("report.json"));
        var first = Array.IndexOf(text, "  \"samples\": [");
        Assert.That(first, Is.GreaterThan(0));
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.That(text[first + 1 + i], Is.EqualTo("    " + lines[i] + (i < lines.Count - 1 ? "," : string.Empty)));
        }

        Assert.That(text[(first + 1 + lines.Count)..], Is.EqualTo(new[] { "  ]", "}" }));
    }

    [Test]
    public void A_run_without_samples_has_an_empty_samples_array()
    {
        using var dir = new TempDirectory();
        var logPath = dir.Combine("log.jsonl");
        using (var writer = RunLogWriter.Create(logPath))
        {
            writer.Write(Header(Suite(samples: 0)));
        }

        var log = RunLogReader.Read(logPath);
        var report = Write(dir, new ReportInput(log, new ResultsBuilder(EvalCatalog.Core).Build(log)));

        Assert.That(report["samples"]!.AsArray(), Is.Empty);
        Assert.That(File.ReadAllText(dir.Combine("report.json")), Does.EndWith("\"samples\": []\n}"));
    }

    [Test]
    public void A_comparison_is_included_when_given()
    {
        using var dir = new TempDirectory();
        var header = Header(Suite(samples: 2));
        var builder = new ResultsBuilder(EvalCatalog.Core);
        var baselineLog = new RunLog { Header = header with { RunId = "base-run" }, Samples = [Record("a", 1, 1), Record("b", 1, 1)] };
        var candidateLog = new RunLog { Header = header, Samples = [Record("a", 1, 1), Record("b", 1, 0)] };
        var candidate = builder.Build(candidateLog);

        var report = Write(dir, new ReportInput(candidateLog, candidate, ComparisonBuilder.Compare(builder, candidateLog, candidate, baselineLog)));

        var comparison = report["comparison"]!;
        var delta = comparison["deltas"]![0]!;
        Assert.That((string?)comparison["baseline_run_id"], Is.EqualTo("base-run"));
        Assert.That((int?)comparison["resamples"], Is.EqualTo(2000));
        Assert.That((string?)comparison["correction"], Is.EqualTo("holm"));
        Assert.That((string?)delta["change"], Is.EqualTo(MetricChange.TooFew), "two samples cannot tell a drop from noise");
        Assert.That((double?)delta["delta"], Is.EqualTo(-0.5));
        Assert.That((string?)delta["test"], Is.EqualTo("McNemar exact"));
        Assert.That((double?)delta["p_value"], Is.EqualTo(1.0), "b = 1, c = 0: 2 × 0.5 capped at 1");
        Assert.That(delta["row"], Is.Null, "the row is for formatting only");
    }

    [Test]
    public void A_large_run_is_written_completely()
    {
        using var dir = new TempDirectory();
        var records = Enumerable.Range(0, 20_000).Select(i => Record($"s{i:00000}", 1, i % 2) with { Output = new string('x', 200) }).ToList();
        var log = new RunLog { Header = Header(Suite(samples: records.Count)), Samples = records };

        var report = Write(dir, new ReportInput(log, new ResultsBuilder(EvalCatalog.Core).Build(log)));

        Assert.That(report["samples"]!.AsArray(), Has.Count.EqualTo(20_000));
        Assert.That((string?)report["samples"]![19_999]!["id"], Is.EqualTo("s19999"));
    }

    [Test]
    public void The_json_report_is_written_by_every_run()
    {
        Assert.That(Composition.Reporters().Reporters, Does.Contain(JsonReporter.Default));
        Assert.That(JsonReporter.Default.FileName, Is.EqualTo("report.json"));
    }

    private static JsonNode Write(TempDirectory dir, ReportInput input)
    {
        var path = dir.Combine("report.json");
        JsonReporter.Default.Write(input, path);
        using var stream = File.OpenRead(path);
        return JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { MaxDepth = 64 })!;
    }
}
