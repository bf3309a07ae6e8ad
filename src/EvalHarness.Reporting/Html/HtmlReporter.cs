using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Reporting.Html.Templates;
using EvalHarness.Reports;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// The report: one self-contained HTML file (a Handlebars template, inline CSS, script and SVG) that
/// makes no network request, works from file:// and as an e-mail attachment, shows English or
/// Japanese, and treats every string from a model, suite or endpoint as text.
/// </summary>
public sealed class HtmlReporter : IRunReporter, IReporterWarmUp
{
    private static readonly Lazy<PageTemplate> Template = new(Compile);
    private static readonly Lazy<string> Style = new(() => Resource("report.css"));
    private static readonly Lazy<string> Script = new(() => Resource("report.js"));

    public static HtmlReporter Default { get; } = new();

    public string Name => "html";


    public string Description => "a self-contained page: overview by risk and perspective, metrics with intervals, a sample explorer (English and Japanese)";

    public string FileName => RunFiles.Report;

    public void Write(ReportInput input, string path)
    {
        var view = ReportViewBuilder.Build(input, Style.Value, Script.Value);
        var data = TemplateData.From(view);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            Template.Value.Render(writer, data);
        });
        Written?.Invoke(data, path);
    }

    /// <summary>
    /// For the tests: told of every page written, with the data it was written from, so that each report the tests
    /// write is also rendered by Handlebars.Net and compared (HandlebarsReference).
    /// </summary>
    internal static Action<object?, string>? Written { get; set; }

    public void WarmUp()
    {
        _ = Template.Value;
        _ = Style.Value;
        _ = Script.Value;
    }

    /// <summary>The template with its two helpers: <c>t</c> (a label in both languages) and <c>bi</c> (a pair of texts the view gives in both).</summary>
    internal static PageTemplate Compile() => PageTemplate.Parse(Resource("report.hbs"), Helpers);

    internal static IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, string>> Helpers { get; } = new Dictionary<string, Func<IReadOnlyList<object?>, string>>(StringComparer.Ordinal)
    {
        ["t"] = arguments => Labels.Html(Argument(arguments, 0)),
        ["bi"] = arguments => Labels.Html(Argument(arguments, 0), Argument(arguments, 1)),
    };

    internal static string Resource(string name) => EmbeddedText.Read(typeof(HtmlReporter).Assembly, "EvalHarness.Reporting.Resources." + name);

    private static string Argument(IReadOnlyList<object?> arguments, int index) =>
        index < arguments.Count ? Convert.ToString(arguments[index], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;
}
