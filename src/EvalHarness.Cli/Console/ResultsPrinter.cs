using EvalHarness.Results;

namespace EvalHarness.Cli.Console;

/// <summary>The closing summary of a run: per suite, each metric with its interval and n.</summary>
internal static class ResultsPrinter
{
    public static void Print(TextWriter output, RunResults results)
    {
        if (!results.Model.Live)
        {
            output.WriteLine(ConsoleText.Safe($"NOTE: results from {results.Model.Label} ({results.Model.Spec})"));
        }

        foreach (var suite in results.Suites)
        {
            var c = suite.Counts;
            output.WriteLine(ConsoleText.Safe($"{suite.Name}: {c.Samples} samples, {c.Scored} scored, {c.Errored} errored" + (c.Pending > 0 ? $", {c.Pending} not run" : string.Empty)));
            foreach (var m in suite.Metrics)
            {
                output.WriteLine(ConsoleText.Safe($"  {m.Scorer} {m.Metric}: {MetricFormat.Value(m.Proportion, m.Value)} {MetricFormat.Interval(m.Proportion, m.CiLow, m.CiHigh)} n={m.N}" + (m.Unscored > 0 ? $" ({m.Unscored} unscored)" : string.Empty)));
            }
        }
    }
}
