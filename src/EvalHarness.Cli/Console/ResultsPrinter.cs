using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Reporting;
using EvalHarness.Results;

namespace EvalHarness.Cli.Console;

/// <summary>The closing summary of a run: who judged, then per suite each metric with its interval, n and judge errors.</summary>
internal static class ResultsPrinter
{
    /// <param name="header">The log's header, for the judges and the run a re-scored run came from; without it those lines are left out.</param>
    public static void Print(TextWriter output, RunResults results, LogHeader? header = null)
    {
        if (!results.Model.Live)
        {
            output.WriteLine(ConsoleText.Safe($"NOTE: results from {results.Model.Label} ({results.Model.Spec})"));
        }

        if (header is not null)
        {
            PrintJudges(output, header);
        }

        foreach (var suite in results.Suites)
        {
            var c = suite.Counts;
            output.WriteLine(ConsoleText.Safe($"{suite.Name}: {c.Samples} samples, {c.Scored} scored, {c.Errored} errored" + (c.Pending > 0 ? $", {c.Pending} not run" : string.Empty)));
            foreach (var m in suite.Metrics)
            {
                var unscored = JudgeFacts.Unscored(m.Unscored, m.JudgeErrors);
                output.WriteLine(ConsoleText.Safe($"  {m.Scorer} {m.Metric}: {MetricFormat.Value(m.Proportion, m.Value)} {MetricFormat.Interval(m.Proportion, m.CiLow, m.CiHigh)}{Method(m)} n={m.N}" + (unscored.Length > 0 ? $" ({unscored})" : string.Empty)));
            }
        }
    }

    /// <summary>The interval's method beside it, so a reader knows a bootstrap from a Wilson interval.</summary>
    private static string Method(MetricResult m) => m.CiMethod is null ? string.Empty : $" ({IntervalMethods.Label(m.CiMethod, m.CiResamples)})";

    // Recorded verdicts get a NOTE like recorded answers: neither may pass for a live model's work.
    private static void PrintJudges(TextWriter output, LogHeader header)
    {
        foreach (var role in JudgeFacts.Roles(header))
        {
            var note = role.Models.Any(m => !m.Live) ? "NOTE: " : string.Empty;
            output.WriteLine(ConsoleText.Safe($"{note}{role.Name}{(role.Models.Count > 1 ? "s" : string.Empty)}: {JudgeFacts.Describe(role)}"));
        }

        if (header.ScoredFrom is { } from)
        {
            output.WriteLine(ConsoleText.Safe($"re-scored from {JudgeFacts.Describe(from)}"));
        }
    }
}
