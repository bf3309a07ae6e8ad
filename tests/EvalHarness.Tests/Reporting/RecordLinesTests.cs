using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Reporting.Json;
using EvalHarness.Reports;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reporting;

/// <summary>
/// report.json of a run held in memory copies each record's line from the run's own log instead of writing the record
/// again (issue 21): the file must be byte for byte what writing every record gives, masked records included.
/// </summary>
[TestFixture]
public sealed class RecordLinesTests
{
    [Test]
    public async Task Report_json_copied_from_the_log_is_what_writing_every_record_again_gives_masked_or_shown()
    {
        using var dir = new TempDirectory();
        var outcome = await RunAsync(dir, "run");
        using var copied = RecordLines.Open(outcome.Log);
        Assert.That(copied, Is.Not.Null, "the run knows where its records' lines are");
        var withoutLines = WithoutLines(outcome.Log);
        Assert.That(RecordLines.Open(withoutLines), Is.Null);

        foreach (var show in new[] { false, true })
        {
            var fromLines = Write(dir, $"lines-{show}", new ReportInput(outcome.Log, outcome.Results) { ShowPersonalData = show });
            var rewritten = Write(dir, $"records-{show}", new ReportInput(withoutLines, outcome.Results) { ShowPersonalData = show });

            Assert.That(File.ReadAllBytes(fromLines), Is.EqualTo(File.ReadAllBytes(rewritten)), $"personal data shown: {show}");
        }

        var masked = OutputMasking.ForDisplay(outcome.Log, showPersonalData: false).Samples;
        var unchanged = Enumerable.Range(0, masked.Count).Count(i => copied!.TryGet(i, masked[i], out _));
        Assert.That(unchanged, Is.InRange(1, masked.Count - 1), "some records were masked and written again, the others copied");
    }

    [Test]
    public async Task A_log_changed_or_gone_since_the_run_is_not_copied_from()
    {
        using var dir = new TempDirectory();
        var outcome = await RunAsync(dir, "run");
        var expected = File.ReadAllBytes(Write(dir, "before", new ReportInput(WithoutLines(outcome.Log), outcome.Results)));
        var logPath = Path.Combine(dir.Combine("run"), RunFiles.Log);

        // Shifted by one byte, every noted position now points into the middle of a line.
        File.WriteAllText(logPath, " " + File.ReadAllText(logPath));
        Assert.That(File.ReadAllBytes(Write(dir, "shifted", new ReportInput(outcome.Log, outcome.Results))), Is.EqualTo(expected));

        File.Delete(logPath);
        Assert.That(RecordLines.Open(outcome.Log), Is.Null);
        Assert.That(File.ReadAllBytes(Write(dir, "gone", new ReportInput(outcome.Log, outcome.Results))), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_log_of_several_megabytes_written_in_completion_order_is_copied_through_the_window_whole()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r) + new string(' ', Runs.Number(r) % 700) + "."));
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 4_000));
        var outcome = await Runs.RunAsync(server, suite, new RunOptions { OutputDirectory = dir.Combine("run"), MaxConnections = 32, Resilience = Runs.FastRetries() });
        Assert.That(new FileInfo(Path.Combine(dir.Combine("run"), RunFiles.Log)).Length, Is.GreaterThan(3L << 20), "more than three windows of the file");

        var fromLines = Write(dir, "lines", new ReportInput(outcome.Log, outcome.Results));
        var rewritten = Write(dir, "records", new ReportInput(WithoutLines(outcome.Log), outcome.Results));

        Assert.That(File.ReadAllBytes(fromLines), Is.EqualTo(File.ReadAllBytes(rewritten)));
        using var lines = RecordLines.Open(outcome.Log)!;
        Assert.That(Enumerable.Range(0, outcome.Log.Samples.Count).All(i => lines.TryGet(i, outcome.Log.Samples[i], out _)), Is.True, "every record was copied");
    }

    private static async Task<RunOutcome> RunAsync(TempDirectory dir, string name)
    {
        // The privacy suite's demo answers hold personal data in some samples, not in others.
        var suite = Runs.Load(Path.Combine(RepoPaths.Suites, "privacy", "suite.yaml"));
        await using var model = TestModels.Create("demo", new Models.ModelSettings { Environment = _ => null }, [suite]);
        return await new EvalRunner(Composition.Catalog).RunAsync(model, [suite], new RunOptions { OutputDirectory = dir.Combine(name), Epochs = 2 }, NullRunObserver.Instance, RunSignals.None);
    }

    private static RunLog WithoutLines(RunLog log) => new()
    {
        Header = log.Header,
        Samples = log.Samples,
        Footer = log.Footer,
        Limits = log.Limits,
        Resumes = log.Resumes,
        ValidLength = log.ValidLength,
    };

    private static string Write(TempDirectory dir, string name, ReportInput input)
    {
        var path = Path.Combine(Directory.CreateDirectory(dir.Combine(name)).FullName, "report.json");
        JsonReporter.Default.Write(input, path);
        return path;
    }
}
