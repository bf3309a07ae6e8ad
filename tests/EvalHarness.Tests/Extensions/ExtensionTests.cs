using EvalHarness.Cli;
using EvalHarness.Extensions;
using EvalHarness.Loading;
using EvalHarness.Metrics;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Extensions;

/// <summary>The one registration API: packs add extensions through the builder, and the catalogue is what suites can use.</summary>
[TestFixture]
public sealed class ExtensionTests
{
    [Test]
    public void The_guide_s_example_scorer_is_usable_from_a_suite_once_its_pack_is_added()
    {
        using var dir = new TempDirectory();
        var suite = dir.File("s/suite.yaml", "name: s\ndataset: data.jsonl\nscorers: [{name: max_length, options: {max_chars: 5}}]\n");
        dir.File("s/data.jsonl", "{\"id\": \"a\", \"input\": \"hi\"}\n");
        var catalog = EvalCatalog.Create([.. Composition.Packs, new MyPack()]);

        var withPack = new DiagnosticBag();
        var loaded = new SuiteLoader(catalog).Load(suite, withPack);
        var without = new DiagnosticBag();
        Composition.SuiteLoader().Load(suite, without);

        Assert.That(withPack.Items, Is.Empty);
        Assert.That(loaded!.Scorers.Single().Meaning, Is.EqualTo(ScoreMeaning.PassFail));
        Assert.That(loaded.Scorers.Single().Metrics, Is.EqualTo(new[] { "accuracy" }));
        Assert.That(catalog.Scorers.PackOf("max_length"), Is.EqualTo("my-pack"));
        Assert.That(without.Items.Single().Message, Does.Contain("unknown scorer 'max_length'"));
    }

    [Test]
    public void Every_kind_of_extension_is_registered_by_a_named_pack_and_the_core_comes_first()
    {
        var catalog = Composition.Catalog;

        Assert.That(catalog.Packs, Is.EqualTo(new[] { "core", "scorers", "japanese", "providers", "reporting", "judges", "aisev", "hallucination", "bias", "safety", "privacy", "robustness" }));
        Assert.That(catalog.Scorers.PackOf("judge"), Is.EqualTo("judges"));
        Assert.That(catalog.Scorers.PackOf("exact"), Is.EqualTo("scorers"));
        Assert.That(catalog.Scorers.PackOf("bleu"), Is.EqualTo("scorers"), "BLEU is language-neutral");
        Assert.That(catalog.Scorers.PackOf("keigo"), Is.EqualTo("japanese"));
        Assert.That(catalog.Tokenizers.PackOf("ja-mecab"), Is.EqualTo("japanese"));
        Assert.That(catalog.Tokenizers.PackOf("13a"), Is.EqualTo("scorers"));
        Assert.That(catalog.Formats.PackOf("jsquad"), Is.EqualTo("japanese"));
        Assert.That(catalog.Formats.PackOf("jsonl"), Is.EqualTo("core"));
        Assert.That(catalog.Metrics.PackOf("accuracy"), Is.EqualTo("core"));
        Assert.That(catalog.Reducers.PackOf("mode"), Is.EqualTo("core"));
        Assert.That(catalog.Solvers.PackOf("multiple_choice"), Is.EqualTo("core"));
        Assert.That(catalog.Taxonomies.Names, Is.EqualTo(new[] { "perspective", "quality", "risk" }));
        Assert.That(catalog.Models.PackOf("openai"), Is.EqualTo("providers"));
        Assert.That(catalog.Reporters.InOrder.Select(r => r.Name), Is.EqualTo(new[] { "html", "csv", "markdown", "json" }));
    }

    [Test]
    public void Two_packs_registering_one_name_is_refused_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EvalCatalog.Create(ScorersPack(), new MyPack(), new Clash()));

        Assert.That(error!.Message, Is.EqualTo("the scorer 'max_length' is registered by both 'my-pack' and 'clash'"));
    }

    [Test]
    public void Without_the_japanese_pack_auto_tokenizes_japanese_with_the_default_and_its_scorers_are_unknown()
    {
        var catalog = EvalCatalog.Create(ScorersPack());

        Assert.That(catalog.Tokenizers.Resolve("auto", "ja", "13a"), Is.EqualTo("13a"));
        Assert.That(Composition.Catalog.Tokenizers.Resolve("auto", "ja-JP", "13a"), Is.EqualTo("ja-mecab"));
        Assert.That(catalog.Scorers.TryGet("keigo", out _), Is.False);
    }

    [Test]
    public void A_metric_declares_how_it_reads_for_the_scorer_it_summarises()
    {
        Assert.That(Composition.Catalog.Metrics.TryGet("accuracy", out var accuracy), Is.True);
        Assert.That(Composition.Catalog.Metrics.TryGet("mean", out var mean), Is.True);
        var graded = ScoreMeaning.Graded(ValueRange.Percent);

        Assert.That(accuracy.Meaning(graded), Is.EqualTo(new MetricMeaning(true, ScoreDirection.HigherIsBetter)), "accuracy is a rate whatever the scale");
        Assert.That(mean.Meaning(graded), Is.EqualTo(new MetricMeaning(false, ScoreDirection.HigherIsBetter)));
        Assert.That(mean.Meaning(ScoreMeaning.PassFail), Is.EqualTo(new MetricMeaning(true, ScoreDirection.HigherIsBetter)), "a mean of verdicts is a rate");
        Assert.That(mean.Meaning(ScoreMeaning.Count()), Is.EqualTo(new MetricMeaning(false, ScoreDirection.LowerIsBetter)));
    }

    private static EvalHarness.Scorers.ScorersPack ScorersPack() => EvalHarness.Scorers.ScorersPack.Default;

    private sealed class Clash : IEvalPack
    {
        public string Name => "clash";

        public void Register(EvalBuilder builder) => builder.AddScorer(LengthScorer.Factory);
    }
}
