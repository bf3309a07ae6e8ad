using EvalHarness.Cli.Console;
using EvalHarness.Gating;

namespace EvalHarness.Cli.Commands;

/// <summary>The console form of a gate verdict: one line per rule evaluation, failures marked, then the verdict.</summary>
internal static class GatePrinter
{
    public static void Print(TextWriter writer, GateVerdict verdict)
    {
        var baseline = verdict.BaselineRunId is null ? string.Empty : $" against baseline {verdict.BaselineRunId} ({verdict.BaselineModel})";
        writer.WriteLine(ConsoleText.Safe($"gate: {verdict.Policy} on run {verdict.RunId} ({verdict.Model}){baseline}"));
        if (verdict.RunStatus != "completed")
        {
            writer.WriteLine(ConsoleText.Safe($"note: the run is {verdict.RunStatus}; the gate judged what its log holds"));
        }

        var ruleWidth = Math.Min(28, verdict.Outcomes.Max(o => o.Rule.Length));
        var scopeWidth = Math.Min(56, verdict.Outcomes.Max(o => o.Scope.Length));
        foreach (var o in verdict.Outcomes)
        {
            var mark = o.Status switch
            {
                OutcomeStatus.Pass => "PASS",
                OutcomeStatus.Fail => "FAIL",
                _ => "SKIP",
            };
            writer.WriteLine(ConsoleText.Safe($"  {mark}  {o.Rule.PadRight(ruleWidth)}  {o.Scope.PadRight(scopeWidth)}  {o.Reason}"));
        }

        var skipped = verdict.SkippedCount > 0 ? $", {verdict.SkippedCount} skipped" : string.Empty;
        writer.WriteLine(ConsoleText.Safe(verdict.Passed
            ? $"gate passed: {verdict.PassedCount} of {verdict.Outcomes.Count} checks passed{skipped}"
            : $"gate FAILED: {verdict.FailedCount} of {verdict.Outcomes.Count} checks failed{skipped}"));
    }
}
