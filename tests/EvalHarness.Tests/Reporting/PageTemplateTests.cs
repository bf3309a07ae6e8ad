using EvalHarness.Reporting.Html;
using EvalHarness.Reporting.Html.Templates;

namespace EvalHarness.Tests.Reporting;

/// <summary>
/// The report's template renderer means what Handlebars means (issue 21 replaced Handlebars.Net with it in the
/// CLI): each template here is rendered by both, including the corners the report itself may not reach yet.
/// </summary>
[TestFixture]
public sealed class PageTemplateTests
{
    private static readonly Dictionary<string, object?> Data = new()
    {
        ["Text"] = "<a href='x'>&\"`=</a> 日本語",
        ["Empty"] = "",
        ["Zero"] = 0,
        ["Count"] = 12,
        ["Ratio"] = 0.25,
        ["Yes"] = true,
        ["No"] = false,
        ["Nothing"] = null,
        ["None"] = new List<object?>(),
        ["Items"] = new List<object?> { "a<", "b", "c" },
        ["Rows"] = new List<object?>
        {
            new Dictionary<string, object?> { ["Name"] = "r1", ["Tags"] = new List<object?> { "x", "y" }, ["Inner"] = new Dictionary<string, object?> { ["Deep"] = "d1" } },
            new Dictionary<string, object?> { ["Name"] = "r2", ["Tags"] = new List<object?>(), ["Inner"] = null },
        },
        ["Map"] = new Dictionary<string, object?> { ["k1"] = "v1", ["k2"] = 2 },
        ["Key"] = "cover_title",
        ["En"] = "English <b>",
        ["Ja"] = "日本語",
    };

    [TestCase("{{Text}}|{{{Text}}}|{{Missing}}|{{Missing.Deeper}}|{{Nothing}}|{{Empty}}")]
    [TestCase("{{Count}} {{Ratio}} {{Zero}} {{Yes}} {{No}}")]
    [TestCase("{{#if Yes}}y{{else}}n{{/if}}{{#if No}}y{{else}}n{{/if}}{{#if Zero}}y{{else}}n{{/if}}{{#if Count}}y{{/if}}{{#if None}}y{{else}}n{{/if}}{{#if Items}}y{{/if}}{{#if Missing}}y{{else}}n{{/if}}{{#if Empty}}y{{else}}n{{/if}}{{#if Map}}y{{/if}}")]
    [TestCase("{{#unless Yes}}y{{else}}n{{/unless}}{{#unless Nothing}}u{{/unless}}")]
    [TestCase("{{#each Items}}[{{this}}{{#unless @last}},{{/unless}}]{{/each}}{{#each None}}x{{else}}empty{{/each}}{{#each Missing}}x{{else}}gone{{/each}}")]
    [TestCase("{{#each Rows}}{{Name}}:{{#each Tags}}{{this}}{{#if @last}}.{{/if}}{{else}}-{{/each}}{{Inner.Deep}}{{Text}}{{/each}}")]
    [TestCase("{{#each Map}}{{@key}}={{this}};{{/each}}")]
    [TestCase("{{t \"cover_title\"}} {{t Key}} {{bi En Ja}}")]
    [TestCase("<ul>\n  {{#each Items}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>\n{{#if Yes}}\nyes\n{{else}}\nno\n{{/if}}\n")]
    [TestCase("{{#if Yes}}\r\n  a\r\n{{/if}}\r\n  {{#if No}}  \t\nb\n{{/if}}  x\n{{#if Yes}}{{/if}}\n")]
    [TestCase("  {{#if Yes}}\n{{Count}}\n  {{/if}}")]
    [TestCase("{{#each Rows}}\n{{#if Inner}}\n{{Inner.Deep}}\n{{/if}}\n{{/each}}\n")]
    public void A_template_renders_as_handlebars_renders_it(string template)
    {
        var ours = PageTemplate.Parse(template, HtmlReporter.Helpers);
        using var writer = new StringWriter();
        ours.Render(writer, Data);

        Assert.That(writer.ToString(), Is.EqualTo(HandlebarsReference.Render(HandlebarsReference.Compile(template), Data)));
    }

    [TestCase("{{> partial}}")]
    [TestCase("{{! a comment }}")]
    [TestCase("{{../Parent}}")]
    [TestCase("{{~Text~}}")]
    [TestCase("{{#with Map}}{{k1}}{{/with}}")]
    [TestCase("{{#if Yes}}open")]
    [TestCase("{{/if}}")]
    [TestCase("{{#if Yes}}a{{/each}}")]
    [TestCase("{{lookup Map Key}}")]
    [TestCase("{{Text")]
    public void A_statement_it_does_not_render_as_handlebars_would_is_refused_when_the_template_is_read(string template)
    {
        var problem = Assert.Throws<FormatException>(() => PageTemplate.Parse(template, HtmlReporter.Helpers))!;

        Assert.That(problem.Message, Does.StartWith("template: "));
    }
}
