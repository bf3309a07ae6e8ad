using EvalHarness.Reporting.Html;
using EvalHarness.Tests.Reporting;

namespace EvalHarness.Tests;

/// <summary>
/// Every report.html a test writes in this process is rendered again by Handlebars.Net from the same data and must
/// be the same page: the reports the tests write (gates, comparisons, judges, errors, cover pages, both languages)
/// check the report's own template renderer against the library it replaced.
/// </summary>
[SetUpFixture]
public sealed class ReportTemplateCheck
{
    [OneTimeSetUp]
    public void CompareEveryPage() => HtmlReporter.Written = (data, path) =>
    {
        var expected = HandlebarsReference.RenderReport(data);
        var actual = File.ReadAllText(path);
        if (actual != expected)
        {
            var at = Enumerable.Range(0, Math.Min(actual.Length, expected.Length)).FirstOrDefault(i => actual[i] != expected[i], Math.Min(actual.Length, expected.Length));
            Assert.Fail($"report.html differs from Handlebars.Net's rendering at character {at}:\n  ours:       {Around(actual, at)}\n  Handlebars: {Around(expected, at)}");
        }
    };

    [OneTimeTearDown]
    public void Stop() => HtmlReporter.Written = null;

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 80), Math.Min(text.Length - Math.Max(0, at - 80), 200)).ReplaceLineEndings("⏎");
}
