using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Reporting.Markdown;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Models;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Logs.RunLogTests;
using EvalHarness.Extensions;

namespace EvalHarness.Tests.Reporting;

[TestFixture]
public sealed class MarkdownReporterTests
{
    [Test]
    public void Pipes_backticks_and_line_breaks_in_error_messages_and_group_values_do_not_break_any_table()
    {
        using var dir = new TempDirectory();
        var tricky = new Dictionary<string, string> { ["category"] = "a|b`c`\\|", ["risk"] = "misjudgment" };
        var log = new RunLog
        {
            Header = Header(Suite("s|uite", samples: 3, groupBy: ["category", "risk"])),
            Samples =
            [
                Record("x|1", 1, 1, suite: "s|uite", metadata: tricky),
                Record("x`2", 1, 0, suite: "s|uite", metadata: tricky),
                Record("x3", 1, null, suite: "s|uite", error: "upstream said: | col | `code|` \\|\r\nsecond line <img src=x onerror=alert(1)> [link](http://evil)"),
            ],
        };

        var markdown = Write(dir, log);

        var tables = Tables(markdown);
        Assert.That(tables, Has.Count.GreaterThanOrEqualTo(4), "suite, by category, by risk, errors, overview");
        foreach (var table in tables)
        {
            var expected = Cells(table[0]);
            Assert.That(table.Select(Cells), Is.All.EqualTo(expected), "every row has as many cells as the header:\n" + string.Join('\n', table));
        }

        Assert.That(markdown, Does.Not.Contain("<img"));
        Assert.That(markdown, Does.Contain(@"\[link\](http://evil)"), "no link with a misleading text");
        Assert.That(markdown, Does.Contain(@"upstream said: \| col \| \`code\|\` \\\| second line &lt;img"));
        Assert.That(markdown, Does.Contain(@"| a\|b\`c\`\\\| |"), "the group value is one cell");
    }

    [Test]
    public void A_target_that_is_not_a_live_model_is_announced_before_anything_else()
    {
        using var dir = new TempDirectory();
        var demo = new RunLog { Header = Header(Suite()) with { Model = new ModelInfo("demo", "replay", null, null, false, ModelInfo.DemoLabel) }, Samples = [Record("a", 1, 1)] };
        var scripted = new RunLog { Header = Header(Suite()), Samples = [Record("a", 1, 1)] };
        var live = new RunLog { Header = Header(Suite()) with { Model = new ModelInfo("openai/gpt-4o-mini", "openai", "gpt-4o-mini", "https://api.openai.com/v1", true, ModelInfo.LiveLabel) }, Samples = [Record("a", 1, 1)] };

        var demoLines = Write(dir, demo).Split('\n');
        var scriptedText = Write(dir, scripted);
        var liveText = Write(dir, live);

        Assert.That(demoLines[2], Is.EqualTo("> **Demo recordings, not a live model**"), "right under the title");
        Assert.That(scriptedText, Does.Contain("> **Scripted (not a live model)**"));
        Assert.That(liveText, Does.Not.Contain("> **"));
        Assert.That(liveText, Does.Contain("openai/gpt-4o-mini at https://api.openai.com/v1 (live model)"));
    }

    [Test]
    public void Metrics_read_as_on_the_console_and_in_the_html_report_and_no_model_output_is_included()
    {
        using var dir = new TempDirectory();
        var log = new RunLog
        {
            Header = Header(Suite(samples: 4)),
            Samples = [Record("a", 1, 1) with { Output = "MODEL-OUTPUT-MARKER" }, Record("b", 1, 1), Record("c", 1, 1), Record("d", 1, 0)],
        };

        var markdown = Write(dir, log);

        var wilson = Intervals.Wilson(3, 4)!;
        var interval = MetricFormat.Interval(true, wilson.Low, wilson.High).Replace("[", @"\[", StringComparison.Ordinal).Replace("]", @"\]", StringComparison.Ordinal);
        Assert.That(markdown, Does.Contain("| Scorer | Metric | Value | 95% CI | Method | n |"));
        Assert.That(markdown, Does.Contain($"| exact | accuracy | 75.0% | {interval} | Wilson | 4 |"));
        Assert.That(markdown, Does.Contain("Intervals — Wilson: Wilson score interval over samples."), "each method is named in words under the table");
        Assert.That(markdown, Does.Contain("**Run:** run-1"));
        Assert.That(markdown, Does.Not.Contain("MODEL-OUTPUT-MARKER"));
    }

    [Test]
    public void The_overview_lists_each_risk_with_both_labels()
    {
        using var dir = new TempDirectory();
        var log = new RunLog
        {
            Header = Header(Suite(samples: 2)),
            Samples = [Record("a", 1, 1, metadata: new() { ["risk"] = "misjudgment" }), Record("b", 1, 0, metadata: new() { ["risk"] = "misjudgment" })],
        };
        var results = new ResultsBuilder(EvalCatalog.Core).Build(log);
        var risk = results.Overview.Risks.Single(r => r.Measured);

        var markdown = Write(dir, log);

        Assert.That(markdown, Does.Contain("## Overview by risk"));
        Assert.That(markdown, Does.Contain($"| {MarkdownText.Escape(risk.Id)} | {MarkdownText.Escape(risk.English)} | {MarkdownText.Escape(risk.Japanese)} | 50.0% |"));
    }

    [Test]
    public void A_comparison_section_appears_only_when_a_comparison_is_given_with_regressions_first()
    {
        using var dir = new TempDirectory();
        var header = Header(Suite(samples: 40));
        var baseline = new RunLog { Header = header with { RunId = "base-run" }, Samples = [.. Enumerable.Range(0, 40).Select(i => Record($"s{i:00}", 1, 1))] };
        var candidate = new RunLog { Header = header, Samples = [.. Enumerable.Range(0, 40).Select(i => Record($"s{i:00}", 1, i < 12 ? 0 : 1))] };
        var builder = new ResultsBuilder(EvalCatalog.Core);
        var candidateResults = builder.Build(candidate);
        var comparison = ComparisonBuilder.Compare(builder, candidate, candidateResults, baseline);
        var path = dir.Combine("report.md");

        MarkdownReporter.Default.Write(new ReportInput(candidate, candidateResults, comparison), path);
        var compared = File.ReadAllText(path);
        var alone = Write(dir, candidate);

        Assert.That(alone, Does.Not.Contain("Comparison"));
        Assert.That(compared, Does.Contain("## Comparison with base-run"));
        Assert.That(compared, Does.Contain("1 significant regression, 0 significant improvements"));
        var table = Tables(compared).Single(t => t[0].StartsWith("| Suite | Group |", StringComparison.Ordinal));
        Assert.That(table[0], Is.EqualTo("| Suite | Group | Scorer | Metric | Baseline | Candidate | Δ \\[95% CI\\] | Adj. p | MDD | Change |"));
        // McNemar b = 12, c = 0: p = 2 × 0.5^12 = 0.00049, the only test, so Holm leaves it.
        Assert.That(table[2], Does.StartWith("| s | all samples | exact | accuracy | 100.0% | 70.0% | -30.0 pp \\[").And.EndWith("| 0.0005 \\* | 23.6 pp | regression |"));
    }

    [Test]
    public void The_errors_section_lists_fifty_failures_and_counts_the_rest()
    {
        using var dir = new TempDirectory();
        var failures = Enumerable.Range(0, 60).Select(i => Record($"e{i:00}", 1, null, error: "timeout")).ToArray();
        var log = new RunLog { Header = Header(Suite(samples: 61)), Samples = [Record("ok", 1, 1), .. failures] };

        var markdown = Write(dir, log);

        var errors = Tables(markdown).Single(t => t[0] == "| Suite | Id | Epoch | Kind | Message |");
        Assert.That(errors, Has.Count.EqualTo(2 + 50));
        Assert.That(errors[2], Is.EqualTo("| s | e00 | 1 | permanent | timeout |"));
        Assert.That(markdown, Does.Contain("60 sample × epoch record(s) failed"));
        Assert.That(markdown, Does.Contain("…and 10 more"));
    }

    [Test]
    public void The_markdown_report_is_written_by_every_run()
    {
        Assert.That(Composition.Reporters().Reporters, Does.Contain(MarkdownReporter.Default));
        Assert.That(MarkdownReporter.Default.FileName, Is.EqualTo("report.md"));
    }

    private static string Write(TempDirectory dir, RunLog log)
    {
        var path = dir.Combine("report.md");
        MarkdownReporter.Default.Write(new ReportInput(log, new ResultsBuilder(EvalCatalog.Core).Build(log)), path);
        return File.ReadAllText(path);
    }

    /// <summary>Blocks of consecutive lines that start with a pipe.</summary>
    private static List<List<string>> Tables(string markdown)
    {
        var tables = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                current ??= [];
                current.Add(line);
            }
            else if (current is not null)
            {
                tables.Add(current);
                current = null;
            }
        }

        return tables;
    }

    /// <summary>Cells of a table row as GitHub splits it: at every pipe that is not backslash-escaped.</summary>
    private static int Cells(string row)
    {
        var pipes = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                pipes++;
            }
        }

        return pipes - 1;
    }
}
