using EvalHarness.Extensions;
using EvalHarness.Gating;
using EvalHarness.Logs;
using EvalHarness.Reporting.Html;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Logs.RunLogTests;

namespace EvalHarness.Tests.Reporting;

/// <summary>The one-page summary report.html opens with, for a procurement file (issue 20, point 3).</summary>
[TestFixture]
public sealed class CoverPageTests
{
    private static RunLog Log(params SampleRecord[] records) => new()
    {
        Header = Header(Suite(samples: records.Length)),
        Samples = records,
        Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = records.Length, Completed = records.Length, Errored = 0 },
    };

    private static HtmlReport Render(RunLog log, Func<ReportInput, ReportInput>? adjust = null)
    {
        using var dir = new TempDirectory();
        var results = new ResultsBuilder(EvalCatalog.Core).Build(log);
        var input = new ReportInput(log, results);
        var path = dir.Combine("report.html");
        HtmlReporter.Default.Write(adjust is null ? input : adjust(input), path);
        return new HtmlReport(File.ReadAllText(path));
    }

    private static string Cover(HtmlReport report)
    {
        var start = report.Html.IndexOf("<section id=\"cover\"", StringComparison.Ordinal);
        var end = report.Html.IndexOf("</section>", start, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the report has a cover section");
        return report.Html[start..end];
    }

    [Test]
    public void The_report_opens_with_the_summary_before_anything_else()
    {
        var report = Render(Log(Record("a", 1, 1), Record("b", 1, 0)));

        var body = report.Html.IndexOf("<body", StringComparison.Ordinal);
        var cover = report.Html.IndexOf("<section id=\"cover\"", StringComparison.Ordinal);
        var header = report.Html.IndexOf("<header", StringComparison.Ordinal);
        Assert.That(cover, Is.GreaterThan(body).And.LessThan(header), "the cover is the first thing on the page");
        Assert.That(report.Style, Does.Contain(".cover { break-after: page; }"), "printed (--pdf), the cover is a page of its own");
    }

    [Test]
    public void The_cover_names_model_suites_risk_coverage_and_says_when_there_is_no_gate_or_signature()
    {
        var cover = Cover(Render(Log(Record("a", 1, 1), Record("b", 1, 0))));

        Assert.That(cover, Does.Contain("Evaluation summary").And.Contain("評価の概要"));
        Assert.That(cover, Does.Contain("<code>mock</code>"), "the model's spec");
        Assert.That(cover, Does.Contain("data-gate=\"none\""));
        Assert.That(cover, Does.Contain("not signed"));
        // Every one of the Plan's 11 risks is listed, measured or not.
        Assert.That(System.Text.RegularExpressions.Regex.Count(cover, "<tr data-risk="), Is.EqualTo(Taxonomy.RiskCategories.All.Count));
        Assert.That(cover, Does.Contain($"/ {Taxonomy.RiskCategories.All.Count})"));
    }

    [Test]
    public void A_gate_verdict_and_a_signature_fingerprint_appear_on_the_cover()
    {
        const string fingerprint = "3f2a9c0d5e6b7a8190abcdef0123456789abcdef0123456789abcdef01234567";
        var log = Log(Record("a", 1, 1));
        var failed = new GateVerdict
        {
            Passed = false,
            Model = "mock",
            RunStatus = RunStatus.Completed,
            Alpha = 0.05,
            Correction = "holm",
            Policy = "gate.yaml",
            PolicySha256 = new string('0', 64),
            RunId = log.Header.RunId,
            Evaluated = DateTimeOffset.UnixEpoch,
            Outcomes = [new RuleOutcome("floor", "threshold", "s/exact/accuracy", OutcomeStatus.Fail, 0.2, "≥ 0.9", "value 0.2 < 0.9")],
        };

        var cover = Cover(Render(log, input => input with { Gate = failed, SignatureFingerprint = fingerprint }));

        Assert.That(cover, Does.Contain("data-gate=\"fail\""));
        Assert.That(cover, Does.Contain(fingerprint));
        Assert.That(cover, Does.Not.Contain("not signed"));
    }
}
