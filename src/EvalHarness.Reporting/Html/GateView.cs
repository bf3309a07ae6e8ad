using EvalHarness.Gating;

namespace EvalHarness.Reporting.Html;

/// <summary>The report's gate block: the verdict as a badge and one row per rule evaluation, failures first.</summary>
internal static class GateView
{
    public const int MaxRows = 200;

    public static object Build(GateVerdict verdict)
    {
        var ordered = verdict.Outcomes.Where(o => o.Failed).Concat(verdict.Outcomes.Where(o => !o.Failed)).ToList();
        return new
        {
            verdict.Passed,
            verdict.Policy,
            Baseline = verdict.BaselineRunId,
            Failed = verdict.FailedCount,
            PassedCount = verdict.PassedCount,
            Skipped = verdict.SkippedCount,
            Rows = ordered.Take(MaxRows).Select(o => new
            {
                o.Status,
                StatusKey = "gate_status_" + o.Status,
                o.Failed,
                o.Rule,
                o.Scope,
                Observed = o.Observed is { } x ? GateText.Number(x) : "–",
                o.Limit,
                o.Reason,
            }).ToList(),
            More = ordered.Count > MaxRows,
        };
    }
}
