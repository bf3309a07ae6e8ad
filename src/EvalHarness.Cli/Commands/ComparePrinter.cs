using System.Globalization;
using EvalHarness.Cli.Console;
using EvalHarness.Comparison;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// The console form of <c>evalh compare</c>: pairing notes first (nothing unpaired goes unmentioned), then one table
/// of every row in padded columns (plain text, so it reads the same in a terminal and in a CI log), then its legend.
/// </summary>
internal static class ComparePrinter
{
    private static readonly string[] Header = ["suite", "scorer", "metric", "group", "n", "A", "B", "B−A [95% CI]", "test", "p", "adj. p", "MDD", "verdict"];

    /// <summary>Columns aligned right (numbers); the others align left.</summary>
    private static readonly bool[] Right = [false, false, false, false, true, true, true, true, false, true, true, true, false];

    public static void Print(TextWriter writer, RunPairComparison c)
    {
        writer.WriteLine(ConsoleText.Safe($"A: {c.RunA} ({c.ModelA.Spec})  B: {c.RunB} ({c.ModelB.Spec})  differences are B − A"));
        writer.WriteLine(ConsoleText.Safe($"{CompareFormat.Correction(c.Options.Correction)} adjustment over {c.Tested} comparisons, alpha {F(c.Options.Alpha)}, bootstrap seed {c.Seed}, {c.Resamples} resamples{(c.Options.MidP ? ", McNemar mid-p" : string.Empty)}"));
        foreach (var name in c.SuitesOnlyInA)
        {
            writer.WriteLine(ConsoleText.Safe($"note: suite {name} is only in A; not compared"));
        }

        foreach (var name in c.SuitesOnlyInB)
        {
            writer.WriteLine(ConsoleText.Safe($"note: suite {name} is only in B; not compared"));
        }

        foreach (var s in c.Suites)
        {
            PrintPairing(writer, s);
        }

        if (c.Options.AutoResamples && c.Resamples > EvalHarness.Comparison.CompareOptions.DefaultResamples)
        {
            writer.WriteLine(ConsoleText.Safe($"note: resamples raised from {EvalHarness.Comparison.CompareOptions.DefaultResamples} to {c.Resamples} so that a bootstrap row can be significant after {CompareFormat.Correction(c.Options.Correction)} across {c.Tested} comparisons (--resamples sets them)"));
        }

        if (CompareFormat.ResamplesNeeded(c) is { } needed)
        {
            writer.WriteLine(ConsoleText.Safe($"note: a bootstrap p-value is at least 2/({c.Resamples} + 1); across {c.Tested} comparisons no bootstrap row can be significant: use --resamples {needed} or more"));
        }

        writer.WriteLine();
        var rows = new List<string[]> { Header };
        rows.AddRange(c.Rows.Select(Cells));
        Table(writer, rows);
        writer.WriteLine();
        writer.WriteLine(ConsoleText.Safe($"{CompareFormat.Marker} adjusted p < {F(c.Options.Alpha)}: significant after the {CompareFormat.Correction(c.Options.Correction)} adjustment. Rates and their differences in percentage points (pp)."));
        writer.WriteLine("test: McNemar (exact, or mid-p) for a pass/fail scorer's pass rate, Wilcoxon for a graded scorer's mean, paired bootstrap (percentile interval and p) for every other metric and the overview.");
        writer.WriteLine(ConsoleText.Safe($"MDD: the smallest difference detectable at alpha {F(c.Options.Alpha)} with 80% power at this n (McNemar: Connor 1987; otherwise (z(1-a/2) + z(0.8)) x the difference's standard error); — when undefined."));
        writer.WriteLine(ConsoleText.Safe($"{c.Regressions} significant regressions, {c.Improvements} significant improvements"));
    }

    private static string[] Cells(CompareRow r)
    {
        var excluded = r.Excluded > 0 ? $" (+{r.Excluded} unpaired)" : string.Empty;
        return
        [
            r.Suite,
            r.Scorer,
            r.Metric,
            r.Group ?? "(all)",
            r.N.ToString(CultureInfo.InvariantCulture) + excluded,
            CompareFormat.Value(r, r.MeanA),
            CompareFormat.Value(r, r.MeanB),
            CompareFormat.Difference(r),
            r.Test,
            CompareFormat.PValue(r.PValue),
            CompareFormat.Adjusted(r),
            CompareFormat.Detectable(r),
            r.Verdict,
        ];
    }

    /// <summary>Pads every column to its widest cell (by display width: CJK characters take two columns).</summary>
    private static void Table(TextWriter writer, List<string[]> rows)
    {
        var safe = rows.ConvertAll(r => Array.ConvertAll(r, ConsoleText.Safe));
        var widths = Enumerable.Range(0, Header.Length).Select(col => safe.Max(r => CompareDisplayWidth.Of(r[col]))).ToArray();
        foreach (var row in safe)
        {
            var cells = row.Select((cell, col) => CompareDisplayWidth.Pad(cell, widths[col], Right[col]));
            writer.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    private static void PrintPairing(TextWriter writer, SuitePairing s)
    {
        if (s.FilesDiffer)
        {
            writer.WriteLine(ConsoleText.Safe($"warning: {s.Suite}: scored by different suite versions (the suite files' SHA-256 differ between the runs); compared anyway"));
        }

        if (s.OnlyInA > 0)
        {
            writer.WriteLine(ConsoleText.Safe($"note: {s.Suite}: {s.OnlyInA} samples only in A, not paired ({string.Join(", ", s.OnlyInAIds)}{(s.OnlyInA > s.OnlyInAIds.Count ? ", …" : string.Empty)})"));
        }

        if (s.OnlyInB > 0)
        {
            writer.WriteLine(ConsoleText.Safe($"note: {s.Suite}: {s.OnlyInB} samples only in B, not paired ({string.Join(", ", s.OnlyInBIds)}{(s.OnlyInB > s.OnlyInBIds.Count ? ", …" : string.Empty)})"));
        }

        foreach (var scorer in s.ScorersOnlyInA.Select(x => (x, "A")).Concat(s.ScorersOnlyInB.Select(x => (x, "B"))))
        {
            writer.WriteLine(ConsoleText.Safe($"note: {s.Suite}: scorer {scorer.x} is only in {scorer.Item2}; not compared"));
        }

        if (s.EpochsA != s.EpochsB)
        {
            writer.WriteLine(ConsoleText.Safe($"note: {s.Suite}: A ran {s.EpochsA} epochs and B {s.EpochsB}; the reduced per-sample values are paired"));
        }
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
