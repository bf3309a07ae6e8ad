namespace EvalHarness.Reporting.Html.Templates;

/// <summary>
/// The report's Handlebars template, parsed once and written without compiling: Handlebars.Net builds expression
/// trees that the native CLI can only interpret, and compiling the report template that way took about 6 % of the
/// CPU of a 10,000-sample run (issue 21). Tests render the template with Handlebars.Net as well and require the same
/// page, byte for byte.
/// </summary>
internal sealed class PageTemplate
{
    private readonly List<TemplateNode> _nodes;
    private readonly IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, string>> _helpers;

    private PageTemplate(List<TemplateNode> nodes, IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, string>> helpers)
    {
        _nodes = nodes;
        _helpers = helpers;
    }

    /// <param name="template">The template text.</param>
    /// <param name="helpers">Helpers by name; each gets its arguments (literals, or values with null for a missing one) and returns HTML.</param>
    public static PageTemplate Parse(string template, IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, string>> helpers) =>
        new(TemplateParser.Parse(template, helpers.Keys.ToHashSet(StringComparer.Ordinal)), helpers);

    public void Render(TextWriter output, object? data) => TemplateRenderer.Render(_nodes, output, data, _helpers);
}
