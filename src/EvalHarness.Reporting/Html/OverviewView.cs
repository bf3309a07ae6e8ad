using System.Globalization;
using EvalHarness.Results;
using EvalHarness.Taxonomy;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// The overview's rows and radars: every risk, perspective and quality category, those the run did not
/// measure marked "not measured" in the table, on the radar and in the radar's text for screen readers.
/// </summary>
internal static class OverviewView
{
    public static object Row(OverviewEntry entry) => new
    {
        entry.Id,
        entry.English,
        entry.Japanese,
        entry.Measured,
        RawValue = entry.Value?.ToString("R", CultureInfo.InvariantCulture),
        Value = MetricFormat.Value(true, entry.Value),
        Interval = MetricFormat.Interval(true, entry.CiLow, entry.CiHigh),
        entry.N,
        Suites = string.Join(", ", entry.Suites),
        Bar = Svg.IntervalBar(entry.Value, entry.CiLow, entry.CiHigh),
    };

    /// <summary>"2 of 11 measured", in both languages.</summary>
    public static object MeasuredCount(IReadOnlyList<OverviewEntry> entries)
    {
        var (en, ja) = Labels.Get("measured_of");
        return new { En = Fill(en, entries), Ja = Fill(ja, entries) };
    }

    public static List<RadarAxis> Axes(IReadOnlyList<TaxonomyEntry> taxonomy, IReadOnlyList<OverviewEntry> entries) =>
        taxonomy
            .Select(t => entries.FirstOrDefault(m => m.Id == t.Id && m.Measured) is { } m
                ? new RadarAxis(t.English, t.Japanese, m.Value, m.CiLow, m.CiHigh)
                : new RadarAxis(t.English, t.Japanese, null, null, null))
            .ToList();

    /// <summary>What the radar shows, in words: its name for assistive technology, in both languages.</summary>
    public static object RadarText(string titleKey, IReadOnlyList<RadarAxis> axes)
    {
        var (title, titleJa) = Labels.Get(titleKey);
        var (notMeasured, notMeasuredJa) = Labels.Get("not_measured");
        var measured = axes.Count(a => a.Value is not null);
        var count = measured.ToString(CultureInfo.InvariantCulture);
        var total = axes.Count.ToString(CultureInfo.InvariantCulture);
        var en = $"{title}: {count} of {total} measured. " + string.Join("; ", axes.Select(a => $"{a.English} {(a.Value is { } v ? MetricFormat.Value(true, v) : notMeasured)}")) + ".";
        var ja = $"{titleJa}：{total}件中{count}件を測定。" + string.Join("、", axes.Select(a => $"{a.Japanese} {(a.Value is { } v ? MetricFormat.Value(true, v) : notMeasuredJa)}")) + "。";
        return new { En = en, Ja = ja };
    }

    private static string Fill(string template, IReadOnlyList<OverviewEntry> entries) => template
        .Replace("{n}", entries.Count(e => e.Measured).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{total}", entries.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
