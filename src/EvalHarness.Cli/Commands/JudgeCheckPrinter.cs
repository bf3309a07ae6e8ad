using System.Text;
using EvalHarness.Cli.Console;
using EvalHarness.Judges.Calibration;

namespace EvalHarness.Cli.Commands;

/// <summary>The console summary of a judge check: one table of groups per rubric, each rubric's confusion matrix, and the judge errors.</summary>
internal static class JudgeCheckPrinter
{
    /// <summary>Judge errors listed one by one up to this many; the files list them all.</summary>
    public const int ErrorsShown = 20;

    private static readonly string[] Headers = ["", "items", "judged", "errors", "accuracy", "95% CI", "κ", "95% CI"];

    public static void Print(TextWriter output, CalibrationReport report)
    {
        var rows = new List<string[]> { Headers };
        rows.Add(JudgeCheckFormat.Row("all items", report.Overall));
        rows.AddRange(report.ByLanguage.Concat(report.ByHardness).Select(s => JudgeCheckFormat.Row("  " + s.Group, s)));
        foreach (var rubric in report.Rubrics)
        {
            rows.Add(JudgeCheckFormat.Row($"{rubric.Rubric.Id} ({JudgeCheckFormat.Weighting(rubric.Rubric.Weighting)} κ)", rubric.All));
            rows.AddRange(rubric.ByLanguage.Concat(rubric.ByHardness).Select(s => JudgeCheckFormat.Row("  " + s.Group, s)));
        }

        Table(output, rows);
        output.WriteLine(JudgeCheckFormat.KappaMeaning);
        output.WriteLine(JudgeCheckFormat.IntervalMeaning(report.Confidence));
        foreach (var rubric in report.Rubrics.Where(r => r.All.Confusion is not null))
        {
            var confusion = rubric.All.Confusion!;
            output.WriteLine(ConsoleText.Safe($"{rubric.Rubric.Id}: confusion matrix (rows: human label, columns: judge's verdict)"));
            string[] header = ["", .. confusion.Labels];
            var matrix = new List<string[]> { header };
            matrix.AddRange(confusion.Labels.Select((label, i) => (string[])["  " + label, .. confusion.Counts[i].Select(JudgeCheckFormat.Count)]));
            Table(output, matrix);
        }

        var errors = report.Outcomes.Where(o => !o.Judged).ToList();
        if (errors.Count > 0)
        {
            output.WriteLine($"judge errors: {errors.Count} item{(errors.Count == 1 ? string.Empty : "s")} without a usable verdict, left out of every statistic (neither a match nor a mismatch):");
            foreach (var error in errors.Take(ErrorsShown))
            {
                output.WriteLine(ConsoleText.Safe($"  {error.Item.Id} ({error.Item.Rubric}, {error.Item.Language}): {error.JudgeError}"));
            }

            if (errors.Count > ErrorsShown)
            {
                output.WriteLine($"  … and {errors.Count - ErrorsShown} more (judge-check.json lists them all with --out)");
            }
        }
    }

    /// <summary>Left-aligns the first column and right-aligns the others, by the widest cell of each.</summary>
    private static void Table(TextWriter output, List<string[]> rows)
    {
        var safe = rows.Select(r => r.Select(ConsoleText.Safe).ToArray()).ToList();
        var widths = Enumerable.Range(0, safe.Max(r => r.Length)).Select(c => safe.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var row in safe)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(c == 0 ? row[c].PadRight(widths[c]) : "  " + row[c].PadLeft(widths[c]));
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
