using System.Text;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Models;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Logs;

[TestFixture]
public sealed class RunLogTests
{
    internal static LogHeader Header(params SuiteHeader[] suites) => new()
    {
        RunId = "run-1",
        Harness = new HarnessInfo("9.9.9", "abc"),
        Started = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Model = new ModelInfo("mock", "mock", null, null, false, "scripted"),
        Suites = suites,
        Seed = 5,
        Settings = new RunSettings(),
    };

    internal static SuiteHeader Suite(string name = "s", int samples = 2, int epochs = 1, string reducer = "mean", params string[] groupBy) => new()
    {
        Name = name,
        Language = "en",
        Path = "suite.yaml",
        Files = [new SuiteFile("suite.yaml", "00")],
        Samples = samples,
        Epochs = new EpochSettings(epochs, reducer),
        Generate = GenerationSettings.Empty,
        Solver = [],
        Scorers = [new ScorerHeader("exact", "exact", [], ["accuracy"])],
        GroupBy = groupBy,
    };

    internal static SampleRecord Record(string id, int epoch, double? value, string suite = "s", string? error = null, Dictionary<string, string>? metadata = null) => new()
    {
        Suite = suite,
        Id = id,
        Epoch = epoch,
        Input = [new PromptMessage("user", "q")],
        Output = error is null ? "answer" : null,
        Metadata = metadata ?? [],
        Scores = error is null ? new Dictionary<string, Score> { ["exact"] = value is null ? Score.Failed("could not score") : new Score { Value = value } } : null,
        Error = error is null ? null : new SampleError("permanent", error),
    };

    [Test]
    public void Records_round_trip_through_the_log_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("log.jsonl");
        using (var writer = RunLogWriter.Create(path))
        {
            writer.Write(Header(Suite()));
            writer.Write(Record("a", 1, 1) with { Output = "日本語 \"quoted\" <b>" });
            writer.Write(Record("b", 1, null, error: "boom"));
            writer.Write(new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = 2, Completed = 2, Errored = 1 });
        }

        var log = RunLogReader.Read(path);

        Assert.That(log.Header.RunId, Is.EqualTo("run-1"));
        Assert.That(log.Samples, Has.Count.EqualTo(2));
        Assert.That(log.Samples[0].Output, Is.EqualTo("日本語 \"quoted\" <b>"));
        Assert.That(log.Samples[0].Scores!["exact"].Value, Is.EqualTo(1));
        Assert.That(log.Samples[1].Error!.Message, Is.EqualTo("boom"));
        Assert.That(log.Footer!.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(log.TornTail, Is.False);
        Assert.That(File.ReadAllText(path), Does.Contain("日本語"), "Japanese stays readable in the log");
    }

    [Test]
    public void A_torn_last_line_is_dropped_and_its_offset_reported_for_appending()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("log.jsonl");
        using (var writer = RunLogWriter.Create(path))
        {
            writer.Write(Header(Suite()));
            writer.Write(Record("a", 1, 1));
        }

        var complete = new FileInfo(path).Length;
        File.AppendAllText(path, "{\"type\":\"sample\",\"suite\":\"s\",\"id\":\"b\",\"ep", Encoding.UTF8);

        var log = RunLogReader.Read(path);
        Assert.That(log.TornTail, Is.True);
        Assert.That(log.Samples.Select(s => s.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(log.ValidLength, Is.EqualTo(complete));

        using (var writer = RunLogWriter.Continue(path, log.ValidLength))
        {
            writer.Write(Record("b", 1, 0));
        }

        var resumed = RunLogReader.Read(path);
        Assert.That(resumed.TornTail, Is.False);
        Assert.That(resumed.Samples.Select(s => s.Id), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Damage_before_the_last_line_is_an_error_naming_the_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("log.jsonl");
        using (var writer = RunLogWriter.Create(path))
        {
            writer.Write(Header(Suite()));
        }

        File.AppendAllText(path, "not json\n{\"type\":\"footer\",\"ended\":\"2026-01-01T00:00:00Z\",\"status\":\"completed\",\"planned\":0,\"completed\":0,\"errored\":0}\n");
        var error = Assert.Throws<InvalidInputException>(() => RunLogReader.Read(path))!;
        Assert.That(error.Diagnostics.Single().Line, Is.EqualTo(2));
    }

    [Test]
    public void A_file_that_is_not_a_run_log_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.jsonl", "{\"hello\": 1}\n");
        var error = Assert.Throws<InvalidInputException>(() => RunLogReader.Read(path))!;
        Assert.That(error.Message, Does.Contain("not an EvalHarness run log"));
    }

    [Test]
    public void A_count_scorer_s_open_upper_bound_survives_the_log()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("log.jsonl");
        var count = ScoreMeaning.Count();
        var suite = Suite() with { Scorers = [new ScorerHeader("length", "answer_length", [], ["mean"], count.Range, count.Kind, count.Direction)] };
        using (var writer = RunLogWriter.Create(path))
        {
            writer.Write(Header(suite));
        }

        var read = RunLogReader.Read(path).Header.Suites.Single().Scorers.Single();
        Assert.That(read.Meaning, Is.EqualTo(count));
    }
}
