using System.Globalization;
using System.Text;
using EvalHarness.Judges.Calibration;
using EvalHarness.Reporting;

namespace EvalHarness.Cli.Commands;

/// <summary>judge-check.md: the check as a person reads it. Every cell and every untrusted word is escaped.</summary>
internal static class JudgeCheckMarkdown
{
    private static readonly string[] GroupHeaders = ["group", "items", "judged", "judge errors", "accuracy", "accuracy CI", "κ", "κ CI"];

    public static string Render(JudgeCheckFacts facts)
    {
        var report = facts.Report;
        var md = new StringBuilder();
        md.Append("# Judge check\n\n");
        var judges = facts.Judges is { } role ? JudgeFacts.Describe(role) : "none";
        md.Append(CultureInfo.InvariantCulture, $"- **{(facts.Judges?.Models.Count > 1 ? "Judges" : "Judge")}:** {E(judges)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- **Labelled items:** {JudgeCheckFormat.Count(report.Outcomes.Count)} from {E(string.Join(", ", facts.Files))}\n");
        md.Append(CultureInfo.InvariantCulture, $"- **Judge errors:** {JudgeCheckFormat.Count(report.Overall.JudgeErrors)} (no usable verdict: left out of every statistic, neither a match nor a mismatch)\n");
        if (facts.MinKappa is { } minimum)
        {
            var below = report.BelowKappa(minimum);
            md.Append(CultureInfo.InvariantCulture, $"- **Minimum κ {JudgeCheckFormat.Number(minimum)}:** ")
              .Append(below.Count == 0 ? "met by every rubric (point estimates)" : "not met by " + string.Join(", ", below.Select(b => $"{E(b.Rubric.Id)} ({JudgeCheckFormat.Kappa(b.All)})")))
              .Append('\n');
        }

        md.Append('\n').Append(JudgeCheckFormat.KappaMeaning).Append(' ').Append(E(JudgeCheckFormat.IntervalMeaning(report.Confidence))).Append("\n\n");
        md.Append("## All items\n\n");
        Table(md, GroupHeaders, "lrrrrlrl", Rows(report.Overall, report.ByLanguage, report.ByHardness));
        foreach (var rubric in report.Rubrics)
        {
            md.Append(CultureInfo.InvariantCulture, $"## Rubric {E(rubric.Rubric.Id)}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"Verdicts {E(string.Join(", ", rubric.Rubric.Categories))}; {JudgeCheckFormat.Weighting(rubric.Rubric.Weighting)} κ.\n\n");
            Table(md, GroupHeaders, "lrrrrlrl", Rows(rubric.All, rubric.ByLanguage, rubric.ByHardness));
            if (rubric.All.Confusion is { } confusion)
            {
                md.Append("Confusion matrix (rows: human label, columns: judge's verdict):\n\n");
                Table(md, ["human \\ judge", .. confusion.Labels], "l" + new string('r', confusion.Labels.Count),
                    confusion.Labels.Select((label, i) => (IReadOnlyList<string>)[label, .. confusion.Counts[i].Select(JudgeCheckFormat.Count)]));
            }
        }

        var disagreements = report.Outcomes.Where(o => o.Judged && !o.Agrees).ToList();
        md.Append("## Disagreements\n\n");
        if (disagreements.Count == 0)
        {
            md.Append("None: the judge gave every judged item its human label.\n\n");
        }
        else
        {
            Table(md, ["item", "rubric", "language", "hard", "human", "judge"], "llllll",
                disagreements.Select(o => (IReadOnlyList<string>)[o.Item.Id, o.Item.Rubric, o.Item.Language, o.Item.Hard ? "hard" : string.Empty, o.Item.Label, o.JudgeLabel!]));
        }

        var errors = report.Outcomes.Where(o => !o.Judged).ToList();
        if (errors.Count > 0)
        {
            md.Append("## Judge errors\n\n");
            Table(md, ["item", "rubric", "language", "error"], "llll",
                errors.Select(o => (IReadOnlyList<string>)[o.Item.Id, o.Item.Rubric, o.Item.Language, o.JudgeError ?? string.Empty]));
        }

        return md.ToString();
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(AgreementStatistics all, IEnumerable<AgreementStatistics> byLanguage, IEnumerable<AgreementStatistics> byHardness) =>
        byLanguage.Concat(byHardness).Prepend(all).Select(s => JudgeCheckFormat.Row(s.Group, s));

    private static void Table(StringBuilder md, string[] headers, string alignment, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.Append('|').AppendJoin('|', headers.Select(h => " " + E(h) + " ")).Append("|\n|");
        for (var i = 0; i < headers.Length; i++)
        {
            md.Append(i < alignment.Length && alignment[i] == 'r' ? " ---: |" : " --- |");
        }

        md.Append('\n');
        foreach (var row in rows)
        {
            md.Append('|').AppendJoin('|', row.Select(c => " " + E(c) + " ")).Append("|\n");
        }

        md.Append('\n');
    }

    private static string E(string? text) => JudgeCheckMarkdownText.Escape(text);
}
