using System.Globalization;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>Prints figures one per line in the invariant culture, aligned for pasting into docs.</summary>
internal static class FigureTable
{
    public static void Print(IEnumerable<Figure> figures)
    {
        foreach (var figure in figures)
        {
            var value = double.IsFinite(figure.Value) ? figure.Value.ToString(figure.Format, CultureInfo.InvariantCulture) : "n/a";
            var line = $"  {figure.Name,-38} {value,12} {figure.Unit,-4}";
            Console.WriteLine(figure.Target.Length > 0 ? $"{line} (target {figure.Target})" : line.TrimEnd());
        }
    }

    public static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    /// <summary>Each figure's median over the runs (the mean of the middle two for an even count).</summary>
    public static IReadOnlyList<Figure> Median(IReadOnlyList<IReadOnlyList<Figure>> runs) =>
        runs[0].Select((figure, i) =>
        {
            var values = runs.Select(r => r[i].Value).Order().ToArray();
            var middle = values.Length / 2;
            return figure with { Value = values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2 };
        }).ToList();
}
