using EvalHarness.Reporting.Html;
using HandlebarsDotNet;

namespace EvalHarness.Tests.Reporting;

/// <summary>
/// The report template as Handlebars.Net renders it, with the helpers the CLI used to register with it: the
/// reference the report's own renderer is held to, byte for byte (issue 21 replaced Handlebars.Net in the CLI).
/// </summary>
internal static class HandlebarsReference
{
    private static readonly Lazy<HandlebarsTemplate<TextWriter, object, object>> Report = new(() => Compile(HtmlReporter.Resource("report.hbs")));

    public static HandlebarsTemplate<TextWriter, object, object> Compile(string template)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        handlebars.RegisterHelper("t", (EncodedTextWriter output, Context _, Arguments arguments) =>
            output.WriteSafeString(Labels.Html(arguments[0]?.ToString() ?? string.Empty)));
        handlebars.RegisterHelper("bi", (EncodedTextWriter output, Context _, Arguments arguments) =>
            output.WriteSafeString(Labels.Html(arguments[0]?.ToString() ?? string.Empty, arguments[1]?.ToString() ?? string.Empty)));
        return handlebars.Compile(new StringReader(template));
    }

    public static string Render(HandlebarsTemplate<TextWriter, object, object> template, object? data)
    {
        using var writer = new StringWriter();
        template(writer, data!, null!);
        return writer.ToString();
    }

    public static string RenderReport(object? data) => Render(Report.Value, data);
}
