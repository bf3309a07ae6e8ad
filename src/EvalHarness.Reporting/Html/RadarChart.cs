using System.Globalization;
using System.Net;
using System.Text;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// An inline-SVG radar of pass rates. Every axis of the taxonomy is drawn; an axis the run did not
/// measure is never drawn as zero: its spoke is dashed, its rim carries a hollow mark and its label says
/// "not measured", and each measured axis carries its interval. Screen readers get the same in words
/// from the element <c>labelledBy</c> names (the figure's text, in the page's language).
/// </summary>
internal static class RadarChart
{
    private const double Size = 420;
    private const double Center = Size / 2;
    private const double Radius = 118;

    public static string Render(IReadOnlyList<RadarAxis> axes, string labelledBy)
    {
        if (axes.Count < 3)
        {
            return string.Empty;
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"radar\" viewBox=\"0 0 {Size} {Size}\" role=\"img\" aria-labelledby=\"{WebUtility.HtmlEncode(labelledBy)}\">");
        foreach (var ring in new[] { 0.25, 0.5, 0.75, 1.0 })
        {
            svg.Append("<polygon class=\"ring\" points=\"").Append(Points(axes.Count, _ => ring)).Append("\"/>");
        }

        for (var i = 0; i < axes.Count; i++)
        {
            var (x, y) = Point(i, axes.Count, 1);
            var spoke = axes[i].Value is null ? "spoke not-measured" : "spoke";
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{spoke}\" x1=\"{Center}\" y1=\"{Center}\" x2=\"{Svg.N(x)}\" y2=\"{Svg.N(y)}\"/>");
            if (axes[i].Value is null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"not-measured-mark\" cx=\"{Svg.N(x)}\" cy=\"{Svg.N(y)}\" r=\"4\"/>");
            }
        }

        var measured = Enumerable.Range(0, axes.Count).Where(i => axes[i].Value is not null).ToList();
        if (measured.Count >= 3)
        {
            svg.Append("<polygon class=\"area\" points=\"");
            foreach (var i in measured)
            {
                var (x, y) = Point(i, axes.Count, axes[i].Value!.Value);
                svg.Append(Svg.N(x)).Append(',').Append(Svg.N(y)).Append(' ');
            }

            svg.Append("\"/>");
        }

        for (var i = 0; i < axes.Count; i++)
        {
            var axis = axes[i];
            if (axis.Value is { } v)
            {
                if (axis.Low is { } lo && axis.High is { } hi)
                {
                    var (x1, y1) = Point(i, axes.Count, Math.Clamp(lo, 0, 1));
                    var (x2, y2) = Point(i, axes.Count, Math.Clamp(hi, 0, 1));
                    svg.Append(CultureInfo.InvariantCulture, $"<line class=\"ci\" x1=\"{Svg.N(x1)}\" y1=\"{Svg.N(y1)}\" x2=\"{Svg.N(x2)}\" y2=\"{Svg.N(y2)}\"/>");
                }

                var (px, py) = Point(i, axes.Count, Math.Clamp(v, 0, 1));
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot\" cx=\"{Svg.N(px)}\" cy=\"{Svg.N(py)}\" r=\"3.5\"/>");
            }

            var (lx, ly) = Point(i, axes.Count, 1.18);
            var anchor = lx < Center - 10 ? "end" : lx > Center + 10 ? "start" : "middle";
            var css = axis.Value is null ? "label missing" : "label";
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{css}\" x=\"{Svg.N(lx)}\" y=\"{Svg.N(ly + 4)}\" text-anchor=\"{anchor}\">")
                .Append("<tspan class=\"en\">").Append(WebUtility.HtmlEncode(Short(axis.English))).Append("</tspan>")
                .Append("<tspan class=\"ja\">").Append(WebUtility.HtmlEncode(axis.Japanese)).Append("</tspan></text>");
            if (axis.Value is null)
            {
                // Above the label in the upper half, below it in the lower: never over the rim's mark.
                var (en, ja) = Labels.Get("not_measured");
                var y = ly < Center - 10 ? ly - 9 : ly + 17;
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"not-measured-text\" x=\"{Svg.N(lx)}\" y=\"{Svg.N(y)}\" text-anchor=\"{anchor}\">")
                    .Append("<tspan class=\"en\">").Append(WebUtility.HtmlEncode(en)).Append("</tspan>")
                    .Append("<tspan class=\"ja\">").Append(WebUtility.HtmlEncode(ja)).Append("</tspan></text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Short(string label) => label.Length <= 26 ? label : label[..24] + "…";

    private static string Points(int count, Func<int, double> radius)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var (x, y) = Point(i, count, radius(i));
            sb.Append(Svg.N(x)).Append(',').Append(Svg.N(y)).Append(' ');
        }

        return sb.ToString().TrimEnd();
    }

    private static (double X, double Y) Point(int index, int count, double fraction)
    {
        var angle = (2 * Math.PI * index / count) - (Math.PI / 2);
        return (Center + (Math.Cos(angle) * Radius * fraction), Center + (Math.Sin(angle) * Radius * fraction));
    }
}
