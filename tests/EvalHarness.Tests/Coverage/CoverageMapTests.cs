using EvalHarness.Coverage;
using EvalHarness.Taxonomy;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Coverage;

/// <summary>The plan's coverage map (seeds/ai-basic-plan-risks.yaml): it loads, names exactly the taxonomies' ids and cites the Plan for every risk.</summary>
[TestFixture]
public sealed class CoverageMapTests
{
    private static readonly string[] TechnicalRisks = ["hallucination", "misjudgment", "inappropriate_output"];

    [Test]
    public void The_bundled_map_is_the_seeds_file_and_loads_without_a_problem()
    {
        var seeds = File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", CoverageMap.FileName));
        var diagnostics = new DiagnosticBag();

        var map = CoverageMap.Load("seeds/" + CoverageMap.FileName, seeds, diagnostics);

        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That(map, Is.Not.Null);
        Assert.That(CoverageMap.BundledText, Is.EqualTo(seeds), "the harness embeds seeds/ai-basic-plan-risks.yaml itself, so an installed evalh reads the same map");
    }

    [Test]
    public void Its_risk_perspective_and_quality_ids_are_exactly_the_taxonomies_ids()
    {
        var map = CoverageMap.Bundled;

        Assert.That(map.Risks.Select(r => r.Id), Is.EqualTo(RiskCategories.All.Select(r => r.Id)));
        Assert.That(map.Perspectives.Select(p => p.Id), Is.EqualTo(Perspectives.All.Select(p => p.Id)));
        Assert.That(map.Quality.Select(q => q.Id), Is.EqualTo(QualityCategories.All.Select(q => q.Id)));
        Assert.That(map.Risks.SelectMany(r => r.Perspectives).Distinct(), Is.SubsetOf(Perspectives.All.Select(p => p.Id)));
    }

    [Test]
    public void Every_risk_cites_where_the_plan_names_it_by_chapter_and_paragraph_or_item()
    {
        foreach (var risk in CoverageMap.Bundled.Risks)
        {
            Assert.That(risk.Plan, Is.Not.Empty, risk.Id);
            Assert.That(risk.Plan, Has.All.Matches<PlanSection>(p => p!.Chapter is >= 1 and <= 4 && (p.Paragraph is not null || p.Item is not null) && p.About.Length is > 0 and <= 100), risk.Id);

            // Chapter 1's "Mitigating risks" paragraph 1 is where the Plan lists every one of them.
            Assert.That(risk.Plan.Select(p => p.Citation), Does.Contain("Chapter 1 (Mitigating risks), paragraph 1"), risk.Id);
        }

        Assert.That(CoverageMap.Bundled.Quality.Single().Plan.Select(p => p.Citation), Is.EqualTo(new[] { "Chapter 3, Section 2 (3) (i)" }));
    }

    [Test]
    public void Risks_are_grouped_as_the_plan_groups_them()
    {
        var groups = CoverageMap.Bundled.Risks.ToDictionary(r => r.Id, r => r.Group);

        Assert.That(groups.Where(g => g.Value == "technical").Select(g => g.Key), Is.EquivalentTo(TechnicalRisks));
        Assert.That(groups.Where(g => g.Value == "national_security").Select(g => g.Key), Is.EquivalentTo(new[] { "cyberattack" }));
        Assert.That(groups.Where(g => g.Value == "social").Select(g => g.Key).ToList(), Has.Count.EqualTo(7));
    }

    [Test]
    public void Environmental_burden_is_honestly_covered_by_no_suite_and_says_why()
    {
        var burden = CoverageMap.Bundled.Risks.Single(r => r.Id == "environmental_burden");

        Assert.That(burden.Suites, Is.Empty);
        Assert.That(burden.Perspectives, Is.Empty);
        Assert.That(burden.Note, Does.Contain("energy"));
        Assert.That(CoverageMap.Bundled.Risks.Where(r => r.Id != "environmental_burden"), Has.All.Matches<CoverageMapEntry>(r => r!.Suites.Count > 0));
    }

    [Test]
    public void Every_perspective_without_a_suite_says_why()
    {
        var uncovered = CoverageMap.Bundled.Perspectives.Where(p => p.Suites.Count == 0).ToList();

        Assert.That(uncovered.Select(p => p.Id), Is.EquivalentTo(new[] { "explainability", "data_quality", "verifiability" }));
        Assert.That(uncovered, Has.All.Matches<CoverageMapEntry>(p => !string.IsNullOrWhiteSpace(p!.Note)));
    }

    [Test]
    public void A_broken_map_reports_every_problem_with_file_line_and_field()
    {
        var text = CoverageMap.BundledText
            .Replace("  - id: misjudgment\n", "  - id: misjugment\n", StringComparison.Ordinal)
            .Replace("    perspectives: [fairness]\n", "    perspectives: [fairnes]\n", StringComparison.Ordinal)
            .Replace("{chapter: 3, section: 4, paragraph: 6,", "{chapter: 7, section: 4, paragraph: 6,", StringComparison.Ordinal)
            .Replace("  - id: verifiability\n", "  - id: verifiability\n    colour: red\n", StringComparison.Ordinal);
        var diagnostics = new DiagnosticBag();

        var map = CoverageMap.Load("map.yaml", text, diagnostics);

        var lines = text.Split('\n');
        int Line(string fragment) => Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal)) + 1;
        var shown = diagnostics.Items.Select(d => d.ToString()).ToList();
        Assert.That(map, Is.Null);
        Assert.That(shown, Has.Some.StartsWith($"map.yaml:{Line("id: misjugment")}:").And.EndsWith($": error: field 'risks[0].id': 'misjugment' is not a risk id (did you mean 'misjudgment'?); use one of: {string.Join(", ", RiskCategories.All.Select(r => r.Id))}"));
        Assert.That(shown, Has.Some.StartsWith($"map.yaml:{Line("[fairnes]")}:").And.Contains("field 'risks[3].perspectives': 'fairnes' is not a perspective id (did you mean 'fairness'?)"));
        Assert.That(shown, Has.Some.StartsWith($"map.yaml:{Line("chapter: 7")}:").And.Contains("field 'risks[3].plan[2].chapter': must be a whole number from 1 to 4"));
        Assert.That(shown, Has.Some.StartsWith($"map.yaml:{Line("colour: red")}:").And.Contains("field 'perspectives[9].colour': unknown field"));
        Assert.That(shown, Has.Some.Contains("field 'risks': has no entry for 'misjudgment'"));
    }

    [Test]
    public void A_duplicated_entry_and_an_uncited_risk_are_errors()
    {
        const string Text = """
            schema: evalharness.coverage-map/1
            plan: {title: t, text: x}
            risks:
              - id: hallucination
                group: technical
                plan: [{chapter: 1, about: no place}]
                perspectives: [misinformation]
                suites: [hallucination]
              - id: hallucination
                group: technical
                plan: []
                perspectives: []
                suites: []
            perspectives: []
            quality: []
            """;
        var diagnostics = new DiagnosticBag();

        Assert.That(CoverageMap.Load("m.yaml", Text, diagnostics), Is.Null);

        var shown = diagnostics.Items.Select(d => d.ToString()).ToList();
        Assert.That(shown, Has.Some.StartsWith("m.yaml:6:").And.Contains("field 'risks[0].plan[0]': needs a paragraph or an item"));
        Assert.That(shown, Has.Some.StartsWith("m.yaml:9:").And.Contains("'hallucination' is listed twice (also risks[0])"));
        Assert.That(shown, Has.Some.Contains("field 'risks[1].plan': is empty"));
        Assert.That(shown, Has.Some.Contains("field 'risks[1].suites': is empty: say in 'note' why"));
        Assert.That(shown, Has.Some.Contains("field 'perspectives': has no entry for 'toxic_output'"));
        Assert.That(shown, Has.Some.Contains("field 'quality': has no entry for 'japanese_language'"));
    }
}
