using System.Text.Json.Nodes;
using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Logs;

/// <summary>Runs logged before the model under evaluation was called "model" (schema 1) are still read, reported and resumed.</summary>
[TestFixture]
public sealed class LogSchemaV1Tests
{
    [Test]
    public async Task A_schema_1_log_is_reported_with_its_model_and_resumed()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("run");
        var suite = SuiteFiles.Arithmetic(dir, 6);
        var first = await CliRun.InvokeAsync(["run", suite, "--model", "mock", "--out", output, "--limit", "4"]);
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.All);
        var log = Path.Combine(output, "log.jsonl");
        var current = RunLogReader.Read(log);

        // What version 1 wrote: "target" for the model, its name under "model", and no footer yet (killed).
        var lines = File.ReadAllLines(log);
        var header = JsonNode.Parse(lines[0])!.AsObject();
        var model = header["model"]!.AsObject();
        header.Remove("model");
        model["model"] = "echo";
        header["target"] = model;
        header["schema"] = "evalharness.log/1";
        File.WriteAllLines(log, [header.ToJsonString(), .. lines[1..^1]]);

        var old = RunLogReader.Read(log);
        var report = await CliRun.InvokeAsync(["report", output]);
        var resumed = await CliRun.InvokeAsync(["run", "--resume", output]);

        Assert.That(old.Header.Model, Is.EqualTo(current.Header.Model with { Name = "echo" }));
        Assert.That(old.Samples, Has.Count.EqualTo(current.Samples.Count));
        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.All);
        Assert.That(resumed.ExitCode, Is.EqualTo(ExitCodes.Ok), resumed.All);
        Assert.That(ResultsFile.Read(Path.Combine(output, "results.json")).Model.Spec, Is.EqualTo("mock"));
    }

    [Test]
    public async Task Another_schema_is_still_refused_with_its_name()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("run");
        await CliRun.InvokeAsync(["run", SuiteFiles.Arithmetic(dir, 2), "--model", "mock", "--out", output]);
        var log = Path.Combine(output, "log.jsonl");
        var lines = File.ReadAllLines(log);
        File.WriteAllLines(log, [lines[0].Replace("evalharness.log/2", "evalharness.log/9", StringComparison.Ordinal), .. lines[1..]]);

        var report = await CliRun.InvokeAsync(["report", output]);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(report.Error, Does.Contain("log schema 'evalharness.log/9' is not supported"));
    }
}
