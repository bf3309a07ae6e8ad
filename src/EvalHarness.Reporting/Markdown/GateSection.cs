using System.Text;
using EvalHarness.Gating;

namespace EvalHarness.Reporting.Markdown;

/// <summary>
/// The gate's verdict in Markdown: in report.md, and on its own as the summary <c>evalh gate</c> writes for CI job
/// summaries. Failures come first; rule ids, scopes and reasons are escaped like every other cell.
/// </summary>
public static class GateSection
{
    /// <summary>Rows shown at most; a per-group rule over a large suite can make many, and CI summaries are size-limited.</summary>
    public const int MaxRows = 200;

    /// <summary>The verdict as a Markdown document of its own.</summary>
    public static string Summary(GateVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        using var text = new StringWriter { NewLine = "\n" };
        Write(new MarkdownWriter(text), verdict);
        return text.ToString();
    }

    internal static void Write(MarkdownWriter md, GateVerdict verdict)
    {
        md.Heading(2, verdict.Passed ? "Gate: passed ✅" : "Gate: FAILED ❌");
        var facts = new StringBuilder()
            .Append("Policy ").Append(MarkdownText.Escape(verdict.Policy))
            .Append(" on run ").Append(MarkdownText.Escape(verdict.RunId)).Append(" (").Append(MarkdownText.Escape(verdict.Model)).Append(')');
        if (verdict.BaselineRunId is not null)
        {
            facts.Append(", baseline ").Append(MarkdownText.Escape(verdict.BaselineRunId)).Append(" (").Append(MarkdownText.Escape(verdict.BaselineModel)).Append(')');
        }

        facts.Append(": ").Append(verdict.FailedCount).Append(" failed, ").Append(verdict.PassedCount).Append(" passed");
        if (verdict.SkippedCount > 0)
        {
            facts.Append(", ").Append(verdict.SkippedCount).Append(" skipped");
        }

        facts.Append(" of ").Append(verdict.Outcomes.Count).Append(" checks.");
        if (verdict.RunStatus != "completed")
        {
            facts.Append(" The run is ").Append(MarkdownText.Escape(verdict.RunStatus)).Append("; the gate judged what its log holds.");
        }

        md.Paragraph(facts.ToString());
        var ordered = verdict.Outcomes.Where(o => o.Failed).Concat(verdict.Outcomes.Where(o => !o.Failed)).ToList();
        md.Table(
            ["Result", "Rule", "Check", "Observed", "Limit", "Reason"],
            "lllrll",
            ordered.Take(MaxRows).Select(o => (IReadOnlyList<string>)
            [
                o.Status switch
                {
                    OutcomeStatus.Pass => "pass",
                    OutcomeStatus.Fail => "FAIL",
                    _ => "skipped",
                },
                o.Rule,
                o.Scope,
                o.Observed is { } x ? GateText.Number(x) : "–",
                o.Limit,
                o.Reason,
            ]));
        if (ordered.Count > MaxRows)
        {
            md.Paragraph(MarkdownText.Escape($"{ordered.Count - MaxRows} more checks are in gate.json."));
        }
    }
}
