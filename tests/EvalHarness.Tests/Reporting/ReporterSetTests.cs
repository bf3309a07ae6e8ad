using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Reporting.Csv;
using EvalHarness.Reports;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Logs.RunLogTests;

namespace EvalHarness.Tests.Reporting;

/// <summary>
/// A run writes the reports that need only its log while it derives its results (<see cref="ReporterSet.StartFromLog"/>):
/// those are written once, from the log alone, their failures come back as problems like any report's, and the
/// others are left for when the results exist.
/// </summary>
[TestFixture]
public sealed class ReporterSetTests
{
    [Test]
    public async Task The_reports_that_need_only_the_log_start_at_once_and_the_others_wait_for_the_results()
    {
        using var dir = new TempDirectory();
        var log = Log(Record("a", 1, 1), Record("b", 1, 0));

        var (rest, started) = Composition.Reporters().StartFromLog(log, showPersonalData: false, dir.Path);

        Assert.That(await started, Is.Empty);
        Assert.That(File.Exists(dir.Combine("samples.csv")), Is.True);
        Assert.That(rest.Reporters, Has.None.InstanceOf<ILogReporter>());
        Assert.That(rest.Reporters.Select(r => r.Name), Is.EquivalentTo(Composition.Reporters().Reporters.Where(r => r is not ILogReporter).Select(r => r.Name)));
        Assert.That(rest.Reporters, Is.Not.Empty, "the HTML, JSON and Markdown reports need the results");
    }

    [Test]
    public async Task A_report_from_the_log_that_fails_is_a_problem_named_with_its_file_and_the_others_are_still_written()
    {
        using var dir = new TempDirectory();
        var log = Log(Record("a", 1, 1));
        var set = new ReporterSet([new FailingLogReporter(), SamplesCsvReporter.Default]);

        var (rest, started) = set.StartFromLog(log, showPersonalData: false, dir.Path);
        var problems = await started;

        Assert.That(problems.Single(), Does.StartWith("failing report (").And.Contain("broken.csv").And.EndWith("was not written: disk full"));
        Assert.That(File.Exists(dir.Combine("samples.csv")), Is.True);
        Assert.That(rest.Reporters, Is.Empty);
    }

    [Test]
    public async Task A_set_without_reports_from_the_log_hands_back_every_reporter()
    {
        using var dir = new TempDirectory();
        var set = new ReporterSet(Composition.Reporters().Reporters.Where(r => r is not ILogReporter));

        var (rest, started) = set.StartFromLog(Log(Record("a", 1, 1)), showPersonalData: false, dir.Path);

        Assert.That(await started, Is.Empty);
        Assert.That(rest, Is.SameAs(set));
        Assert.That(Directory.EnumerateFileSystemEntries(dir.Path), Is.Empty);
    }

    private static RunLog Log(params SampleRecord[] records) =>
        new() { Header = Header(Suite(samples: records.Length)), Samples = records };

    private sealed class FailingLogReporter : ILogReporter
    {
        public string Name => "failing";

        public string Description => "always fails";

        public string FileName => "broken.csv";

        public void Write(ReportInput input, string path) => Write(input.Log, input.ShowPersonalData, path);

        public void Write(RunLog log, bool showPersonalData, string path) => throw new IOException("disk full");
    }
}
