using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Reports;
using HandlebarsDotNet;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// The report: one self-contained HTML file (Handlebars.Net template, inline CSS, script and SVG) that
/// makes no network request, works from file:// and as an e-mail attachment, shows English or
/// Japanese, and treats every string from a model, suite or endpoint as text.
/// </summary>
public sealed class HtmlReporter : IRunReporter, IReporterWarmUp
{
    private static readonly Lazy<HandlebarsTemplate<TextWriter, object, object>> Template = new(Compile);
    private static readonly Lazy<string> Style = new(() => Resource("report.css"));
    private static readonly Lazy<string> Script = new(() => Resource("report.js"));

    public static HtmlReporter Default { get; } = new();

    public string Name => "html";


    public string Description => "a self-contained page: overview by risk and perspective, metrics with intervals, a sample explorer (English and Japanese)";

    public string FileName => RunFiles.Report;

    public void Write(ReportInput input, string path)
    {
        var view = ReportViewBuilder.Build(input, Style.Value, Script.Value);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            Template.Value(writer, TemplateData.From(view)!, null!);
        });
    }

    public void WarmUp()
    {
        _ = Template.Value;
        _ = Style.Value;
        _ = Script.Value;
    }

    private static HandlebarsTemplate<TextWriter, object, object> Compile()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        handlebars.RegisterHelper("t", (EncodedTextWriter output, Context _, Arguments arguments) =>
            output.WriteSafeString(Labels.Html(arguments[0]?.ToString() ?? string.Empty)));
        handlebars.RegisterHelper("bi", (EncodedTextWriter output, Context _, Arguments arguments) =>
            output.WriteSafeString(Labels.Html(arguments[0]?.ToString() ?? string.Empty, arguments[1]?.ToString() ?? string.Empty)));
        return handlebars.Compile(new StringReader(Resource("report.hbs")));
    }

    private static string Resource(string name) => EmbeddedText.Read(typeof(HtmlReporter).Assembly, "EvalHarness.Reporting.Resources." + name);
}
