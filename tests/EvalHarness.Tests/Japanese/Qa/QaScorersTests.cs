using EvalHarness.Scorers;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Cli;
using EvalHarness.Japanese.Qa;

namespace EvalHarness.Tests.Japanese.Qa;

[TestFixture]
public sealed class QaScorersTests
{
    private static readonly IScorerFactory[] QaFactories = [CharF1Scorer.Factory, CharF1SquadScorer.Factory, SetF1Scorer.Factory, LlmJpExactMatchScorer.Factory];

    [Test]
    public void The_catalogue_names_the_four_scorers_with_their_default_metrics()
    {
        var defaults = QaFactories.ToDictionary(f => f.Name, f => f.DefaultMetrics);

        Assert.That(defaults, Is.EquivalentTo(new Dictionary<string, IReadOnlyList<string>>
        {
            ["char_f1"] = ["mean"],
            ["char_f1_squad"] = ["mean"],
            ["set_f1"] = ["mean"],
            ["exact_match"] = ["accuracy"],
        }));
    }

    [Test]
    public void Suites_can_name_them_through_the_built_in_catalogue()
    {
        foreach (var factory in QaFactories)
        {
            Assert.That(Composition.Catalog.Scorers.TryGet(factory.Name, out var found) ? found : null, Is.SameAs(factory), factory.Name);
            Assert.That(Composition.Catalog.Scorers.PackOf(factory.Name), Is.EqualTo("japanese"), factory.Name);
        }
    }

    [Test]
    public void The_options_they_read_are_known_and_typos_are_reported()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var factory in QaFactories.Where(f => f.Name != "char_f1_squad"))
            {
                Assert.That(Unknown(factory, """{"nfkc_target": true, "first_paragraph": true}"""), Is.Empty, factory.Name);
                Assert.That(Unknown(factory, """{"nfkc_targets": true}"""), Has.Count.EqualTo(1), factory.Name);
            }
        }
    }

    [Test]
    public async Task Every_value_lies_between_zero_and_one()
    {
        // Random short texts over a small mixed alphabet, so that every branch of every metric occurs.
        var random = new Random(7);
        string[] pieces = ["東", "京", "ｶ", "ﾞ", "Ａ", "a", " ", "\n", "。", "İ", "Σ", "𩸽", "\u3000"];
        string Text() => string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
        using (Assert.EnterMultipleScope())
        {
            for (var i = 0; i < 300; i++)
            {
                var output = Text();
                var target = Text();
                foreach (var factory in QaFactories)
                {
                    var score = await QaScorerRun.ScoreAsync(factory, output, [target]);
                    Assert.That(score.Value, Is.InRange(0.0, 1.0), $"{factory.Name}: '{output}' vs '{target}'");
                }
            }
        }
    }

    private static List<string> Unknown(IScorerFactory factory, string json)
    {
        var diagnostics = new EvalHarness.Validation.DiagnosticBag();
        var options = Options.Of(json, diagnostics);
        factory.Create(options);
        options.ReportUnknownKeys();
        return diagnostics.Items.Select(d => d.Message).ToList();
    }
}
