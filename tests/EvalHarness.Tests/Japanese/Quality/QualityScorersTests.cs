using EvalHarness.Scorers;
using EvalHarness.Scorers.Japanese;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Japanese.Quality;

[TestFixture]
public sealed class QualityScorersTests
{
    [Test]
    public void Catalogue_lists_the_quality_scorers_with_their_default_metrics()
    {
        var metrics = QualityScorers.Factories.ToDictionary(f => f.Name, f => string.Join(",", f.DefaultMetrics));

        Assert.That(metrics, Is.EqualTo(new Dictionary<string, string>
        {
            ["language_fidelity"] = "accuracy",
            ["script_sanity"] = "accuracy",
            ["register_consistency"] = "mean",
            ["instruction_compliance"] = "mean",
            ["keigo"] = "accuracy",
        }));
    }

    [Test]
    public void Suites_can_name_them_through_the_built_in_catalogue()
    {
        foreach (var factory in QualityScorers.Factories)
        {
            Assert.That(BuiltInScorers.Catalog.TryGet(factory.Name, out var found) ? found : null, Is.SameAs(factory), factory.Name);
        }
    }

    [Test]
    public void Every_scorer_accepts_empty_options_without_diagnostics()
    {
        var diagnostics = new DiagnosticBag();

        foreach (var factory in QualityScorers.Factories)
        {
            var options = Options.Of("{}", diagnostics);
            factory.Create(options);
            options.ReportUnknownKeys();
        }

        Assert.That(diagnostics.Items, Is.Empty);
    }

    [Test]
    public void Documented_options_are_known_keys()
    {
        var diagnostics = new DiagnosticBag();
        (IScorerFactory Factory, string Json)[] configured =
        [
            (QualityScorers.Factories[0], "{\"language\": \"ja\", \"min_share\": 0.7}"),
            (QualityScorers.Factories[2], "{\"expected\": \"polite\", \"include_lists\": false}"),
            (QualityScorers.Factories[3], "{\"max_chars\": 200, \"min_chars\": 10, \"bullets\": 3, \"format\": \"json\", \"from_prompt\": false}"),
        ];

        foreach (var (factory, json) in configured)
        {
            var options = Options.Of(json, diagnostics);
            factory.Create(options);
            options.ReportUnknownKeys();
        }

        Assert.That(diagnostics.Items.Select(d => d.Message), Is.Empty);
    }
}
