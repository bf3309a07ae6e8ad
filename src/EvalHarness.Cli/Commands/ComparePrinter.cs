using System.Globalization;
using EvalHarness.Cli.Console;
using EvalHarness.Comparison;
using EvalHarness.Scoring;

namespace EvalHarness.Cli.Commands;

/// <summary>The console form of <c>evalh compare</c>: pairing notes first (nothing unpaired goes unmentioned), then one line per row.</summary>
internal static class ComparePrinter
{
    private const string Undefined = "—";

    public static void Print(TextWriter writer, RunPairComparison c)
    {
        writer.WriteLine(ConsoleText.Safe($"A: {c.RunA} ({c.ModelA.Spec})  B: {c.RunB} ({c.ModelB.Spec})  differences are B − A"));
        writer.WriteLine(ConsoleText.Safe($"{(c.Options.Correction == Statistics.MultipleTesting.HolmMethod ? "Holm" : "Benjamini–Hochberg")} adjustment over {c.Rows.Count(r => r.PValue is not null)} comparisons, alpha {F(c.Options.Alpha)}, bootstrap seed {c.Seed}{(c.Options.MidP ? ", McNemar mid-p" : string.Empty)}"));
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

        writer.WriteLine();
        writer.WriteLine(ConsoleText.Safe(string.Join("  ", "suite", "scorer", "group", "n", "A", "B", "B−A [95% CI]", "p", "adj. p", "MDD", "verdict")));
        foreach (var r in c.Rows)
        {
            var mdd = r.Kind == ScoreKind.PassFail ? N(r.DetectableDifference) : Undefined;
            var interval = r.Difference is { } d ? $"{Signed(d)} [{N(r.Lower)}, {N(r.Upper)}]" : Undefined;
            var excluded = r.Excluded > 0 ? $" (+{r.Excluded} unpaired)" : string.Empty;
            writer.WriteLine(ConsoleText.Safe(string.Join("  ", r.Suite, r.Scorer, r.Group ?? "(all)", r.N.ToString(CultureInfo.InvariantCulture) + excluded, N(r.MeanA), N(r.MeanB), interval, P(r.PValue), P(r.AdjustedPValue), mdd, r.Verdict)));
        }

        writer.WriteLine();
        writer.WriteLine(ConsoleText.Safe($"{c.Regressions} significant regressions, {c.Improvements} significant improvements"));
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

    private static string N(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : Undefined;

    private static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string P(double? value) => value switch
    {
        null => Undefined,
        < 0.0001 => "<0.0001",
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };
}
