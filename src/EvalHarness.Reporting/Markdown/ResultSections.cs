using System.Globalization;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Models;

namespace EvalHarness.Reporting.Markdown;

/// <summary>The summary, per-suite and overview parts of report.md.</summary>
internal static class ResultSections
{
    public static void Summary(MarkdownWriter md, ReportInput input)
    {
        var results = input.Results;
        var suites = string.Join(", ", results.Suites.Select(s => s.Name));
        md.Heading(1, suites.Length == 0 ? "EvalHarness report" : "EvalHarness report: " + MarkdownText.Escape(suites));
        if (!results.Model.Live)
        {
            // Recorded or scripted answers must not be mistaken for a model's, least of all in a pull request.
            md.Paragraph("> **" + MarkdownText.Escape(NotLiveWarning(results.Model)) + "**");
        }

        // The same for verdicts: a recorded judge's verdicts are replayed, not judged.
        foreach (var label in JudgeFacts.NotLiveLabels(input.Log.Header))
        {
            md.Paragraph("> **" + MarkdownText.Escape(Capitalized(label)) + "**");
        }

        var status = results.Status;
        if (results.Status != RunStatus.Completed && input.Log.Footer?.Reason is { Length: > 0 } reason)
        {
            status += " (" + reason + ")";
        }

        var header = input.Log.Header;
        md.List(
        [
            "**Model:** " + MarkdownText.Escape(DescribeModel(results.Model)),
            .. JudgeFacts.Roles(header).Select(r => $"**{MarkdownText.Escape(JudgeFacts.Title(r))}:** " + MarkdownText.Escape(JudgeFacts.Describe(r))),
            "**Run:** " + MarkdownText.Escape(results.RunId),
            .. header.ScoredFrom is { } from ? ["**Re-scored from:** " + MarkdownText.Escape(JudgeFacts.Describe(from))] : Array.Empty<string>(),
            "**Status:** " + MarkdownText.Escape(status),
            "**Samples:** " + MarkdownText.Escape(Counts(results.Counts)),
            "**Harness:** " + MarkdownText.Escape(results.Harness.ToString()),
        ]);
    }

    public static void Suites(MarkdownWriter md, RunResults results, LogHeader header)
    {
        var ci = IntervalHeader(results.Confidence);
        foreach (var suite in results.Suites)
        {
            md.Heading(2, "Suite: " + MarkdownText.Escape(suite.Version is null ? suite.Name : $"{suite.Name} {suite.Version}"));
            md.Paragraph(MarkdownText.Escape(
                $"Language {suite.Language}; {Counts(suite.Counts)}; {suite.Epochs.Count.ToString(CultureInfo.InvariantCulture)} epoch(s), reduced by {suite.Epochs.Reducer}."));
            if (suite.Metrics.Count == 0)
            {
                md.Paragraph("No metrics.");
                continue;
            }

            md.Table(["Scorer", "Metric", "Value", ci, "Method", "n"], "llrrlr", suite.Metrics.Select(m => MetricRow([], m)));
            md.Paragraph(MarkdownText.Escape(IntervalNote(suite.Metrics, results.Seed)));
            if (suite.Metrics.Any(m => m.JudgeErrors > 0))
            {
                md.Paragraph(MarkdownText.Escape(JudgeFacts.JudgeErrorMeaning));
            }

            Rubrics(md, header.Suites.FirstOrDefault(s => s.Name == suite.Name));
            foreach (var key in suite.Groups.GroupBy(g => g.Key, StringComparer.Ordinal))
            {
                md.Heading(3, "By " + MarkdownText.Escape(key.Key));
                md.Table(
                    [key.Key, "Scorer", "Metric", "Value", ci, "Method", "n"],
                    "lllrrlr",
                    // A scorer that applies to none of a group's samples would only add a row of dashes.
                    key.SelectMany(g => g.Metrics.Where(m => m.N > 0 || m.Unscored > 0).Select(m => MetricRow([g.Value], m))));
            }
        }
    }

    public static void Overview(MarkdownWriter md, RunResults results)
    {
        Overview(md, "Overview by risk", results.Overview.Risks, results.Confidence);
        Overview(md, "Overview by perspective", results.Overview.Perspectives, results.Confidence);
        Overview(md, "Japanese-language quality (beside the risks, not one of them)", results.Overview.Quality, results.Confidence);
    }

    /// <summary>Every interval method a table uses, in words: which are closed-form, how a bootstrap resampled and with what seed.</summary>
    public static string IntervalNote(IEnumerable<MetricResult> metrics, int seed)
    {
        var methods = metrics.Where(m => m.CiMethod is not null)
            .Select(m => IntervalMethods.Label(m.CiMethod, m.CiResamples) + ": " + IntervalMethods.Describe(m.CiMethod, m.CiResamples, seed))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return methods.Count == 0 ? "No intervals (too few samples)." : "Intervals — " + string.Join("; ", methods) + ".";
    }

    /// <summary>"95% CI" for the run's confidence level.</summary>
    public static string IntervalHeader(double confidence) =>
        (confidence * 100).ToString("0.##", CultureInfo.InvariantCulture) + "% CI";

    /// <summary>The texts a suite's judge verdicts depend on, by SHA-256: another rubric text is another measurement.</summary>
    private static void Rubrics(MarkdownWriter md, SuiteHeader? suite)
    {
        var scorers = suite?.Scorers.Where(s => s.Resources is { Count: > 0 }).ToList() ?? [];
        if (scorers.Count == 0)
        {
            return;
        }

        md.Paragraph("Judge rubrics:");
        md.Table(
            ["Scorer", "Rubric", "Source", "SHA-256"],
            "llll",
            scorers.SelectMany(s => s.Resources!.Select(r => (IReadOnlyList<string>)[s.Id, r.Name, r.Source, r.Sha256])));
    }

    private static void Overview(MarkdownWriter md, string title, IReadOnlyList<OverviewEntry> entries, double confidence)
    {
        if (entries.Count == 0)
        {
            return;
        }

        md.Heading(2, title);
        var measured = entries.Count(e => e.Measured);
        if (measured < entries.Count)
        {
            md.Paragraph(MarkdownText.Escape($"{Number(measured)} of {Number(entries.Count)} measured; \"not measured\" means no sample of this run was designed for (tagged with) it and scored pass/fail: no evidence either way, not a score of zero."));
        }

        // The overview is a pass rate, so it reads as a percentage.
        md.Table(
            ["Id", "English", "Japanese", "Value", IntervalHeader(confidence), "n"],
            "lllrrr",
            entries.Select(e => (IReadOnlyList<string>)
                [e.Id, e.English, e.Japanese, e.Measured ? MetricFormat.Value(true, e.Value) : "not measured", MetricFormat.Interval(true, e.CiLow, e.CiHigh), Number(e.N)]));
    }

    private static string[] MetricRow(string[] leading, MetricResult m) =>
    [
        .. leading,
        m.Scorer,
        m.Metric,
        MetricFormat.Value(m.Proportion, m.Value),
        MetricFormat.Interval(m.Proportion, m.CiLow, m.CiHigh),
        IntervalMethods.Label(m.CiMethod, m.CiResamples),
        JudgeFacts.Unscored(m.Unscored, m.JudgeErrors) is { Length: > 0 } unscored ? $"{Number(m.N)} ({unscored})" : Number(m.N),
    ];

    private static string NotLiveWarning(ModelInfo target)
    {
        var label = Capitalized(string.IsNullOrWhiteSpace(target.Label) ? ModelInfo.DemoLabel : target.Label.Trim());
        return label.Contains("not a live model", StringComparison.OrdinalIgnoreCase) ? label : label + " (not a live model)";
    }

    private static string Capitalized(string label) => char.ToUpperInvariant(label[0]) + label[1..];

    private static string DescribeModel(ModelInfo target)
    {
        var where = target.BaseUrl is null ? target.Spec : $"{target.Spec} at {target.BaseUrl}";
        return $"{where} ({target.Label})";
    }

    private static string Counts(ResultCounts c) =>
        $"{Number(c.Samples)} planned, {Number(c.Scored)} scored, {Number(c.Errored)} errored, {Number(c.Pending)} pending " +
        $"({Number(c.Epochs)} sample × epoch records, {Number(c.ErroredEpochs)} errored)";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
