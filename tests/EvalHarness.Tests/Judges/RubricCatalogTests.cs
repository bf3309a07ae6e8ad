using System.Text;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Judges;

[TestFixture]
public sealed class RubricCatalogTests
{
    [Test]
    public void A_rubric_is_found_by_id_and_language()
    {
        Assert.That(RubricCatalog.BuiltIn.TryGet("safety", "ja", out var rubric), Is.True);
        Assert.That(rubric!.Language, Is.EqualTo("ja"));
        Assert.That(RubricCatalog.BuiltIn.TryGet("no-such-rubric", "en", out var none), Is.False);
        Assert.That(none, Is.Null);
    }

    [Test]
    public void The_other_language_is_used_only_when_asked()
    {
        var catalog = RubricCatalog.BuiltIn.With([UserRubric("house-style", "en", "house.md")], new DiagnosticBag());

        Assert.That(catalog.TryGet("house-style", "ja", out _), Is.False);
        Assert.That(catalog.TryGet("house-style", "ja", allowOtherLanguage: true, out var fallback), Is.True);
        Assert.That(fallback!.Language, Is.EqualTo("en"));
        Assert.That(catalog.TryGet("safety", "ja", allowOtherLanguage: true, out var exact) && exact!.Language == "ja", Is.True, "an exact match is preferred");
    }

    [Test]
    public void User_rubrics_join_the_built_in_ones()
    {
        var diagnostics = new DiagnosticBag();

        var catalog = RubricCatalog.BuiltIn.With([UserRubric("house-style", "ja", "house.md")], diagnostics);

        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That(catalog.Ids, Does.Contain("house-style").And.Contain("safety"));
        Assert.That(catalog.All, Has.Count.EqualTo(RubricCatalog.BuiltIn.All.Count + 1));
        Assert.That(RubricCatalog.BuiltIn.Ids, Does.Not.Contain("house-style"), "the built-in catalogue is not changed");
    }

    [Test]
    public void A_user_rubric_cannot_replace_a_built_in_one()
    {
        var diagnostics = new DiagnosticBag();

        var catalog = RubricCatalog.BuiltIn.With([UserRubric("safety", "en", "my/safety.md")], diagnostics);

        var d = diagnostics.Items.Single();
        Assert.That(d.File, Is.EqualTo("my/safety.md"));
        Assert.That(d.Line, Is.EqualTo(2));
        Assert.That(d.Field, Is.EqualTo("id"));
        Assert.That(d.Message, Is.EqualTo("rubric 'safety' (en) is already defined by built-in; give this one another id"));
        Assert.That(catalog.TryGet("safety", "en", out var kept) && kept!.IsBuiltIn, Is.True);
    }

    [Test]
    public void Two_user_rubrics_with_one_id_and_language_are_refused_naming_both_files()
    {
        var diagnostics = new DiagnosticBag();

        var catalog = RubricCatalog.BuiltIn.With([UserRubric("house-style", "en", "a.md"), UserRubric("house-style", "en", "b.md")], diagnostics);

        Assert.That(diagnostics.Items.Single().ToString(), Is.EqualTo("b.md:2: error: field 'id': rubric 'house-style' (en) is already defined by a.md; give this one another id"));
        Assert.That(catalog.TryGet("house-style", "en", out var kept) && kept!.Source == "a.md", Is.True);
    }

    [Test]
    public void The_same_id_in_two_languages_is_two_rubrics()
    {
        var diagnostics = new DiagnosticBag();

        RubricCatalog.BuiltIn.With([UserRubric("house-style", "en", "a.md"), UserRubric("house-style", "ja", "b.md")], diagnostics);

        Assert.That(diagnostics.Items, Is.Empty);
    }

    private static Rubric UserRubric(string id, string language, string path)
    {
        var text = $"""
            ---
            id: {id}
            language: {language}
            description: House style.
            verdict: {"{"}kind: scale, min: 1, max: 3{"}"}
            ---
            <answer>
            {"{"}output{"}"}
            </answer>
            """;
        var diagnostics = new DiagnosticBag();
        var rubric = RubricParser.Parse(Encoding.UTF8.GetBytes(text), path, path, diagnostics);
        Assert.That(diagnostics.Items, Is.Empty);
        return rubric!;
    }
}
