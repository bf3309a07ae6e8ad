using EvalHarness.Scorers;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;
using EvalHarness.Cli;
using EvalHarness.Japanese.Quality;

namespace EvalHarness.Tests.Japanese.Quality;

[TestFixture]
public sealed class QualityScorersTests
{
    private static readonly IScorerFactory[] QualityFactories = [LanguageFidelityScorer.Factory, ScriptSanityScorer.Factory, RegisterConsistencyScorer.Factory, InstructionComplianceScorer.Factory, KeigoScorer.Factory];

    [Test]
    public void Catalogue_lists_the_quality_scorers_with_their_default_metrics()
    {
        var metrics = QualityFactories.ToDictionary(f => f.Name, f => string.Join(",", f.DefaultMetrics));

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
        foreach (var factory in QualityFactories)
        {
            Assert.That(Composition.Catalog.Scorers.TryGet(factory.Name, out var found) ? found : null, Is.SameAs(factory), factory.Name);
            Assert.That(Composition.Catalog.Scorers.PackOf(factory.Name), Is.EqualTo("japanese"), factory.Name);
        }
    }

    [Test]
    public void Every_scorer_accepts_empty_options_without_diagnostics()
    {
        var diagnostics = new DiagnosticBag();

        foreach (var factory in QualityFactories)
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
            (QualityFactories[0], "{\"language\": \"ja\", \"min_share\": 0.7}"),
            (QualityFactories[2], "{\"expected\": \"polite\", \"include_lists\": false}"),
            (QualityFactories[3], "{\"max_chars\": 200, \"min_chars\": 10, \"bullets\": 3, \"format\": \"json\", \"from_prompt\": false}"),
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
