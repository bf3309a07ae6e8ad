using EvalHarness.Judges.Rubrics;
using EvalHarness.Judges.Verdicts;
using EvalHarness.Taxonomy;

namespace EvalHarness.Tests.Aisev;

/// <summary>The judge prompts aisev rows are graded with, and aisev's perspective names.</summary>
[TestFixture]
public sealed class AisevRubricTests
{
    [TestCase("aisev-requirement", "ja", "requirement")]
    [TestCase("aisev-requirement", "en", "requirement")]
    [TestCase("aisev-model-graded-qa", "en", "target")]
    public void An_aisev_rubric_reads_c_p_and_i_as_aisev_does_and_delimits_the_answer(string id, string language, string requires)
    {
        Assert.That(RubricCatalog.BuiltIn.TryGet(id, language, out var rubric), Is.True);

        Assert.That(string.Join(",", ((LabelsGrammar)rubric!.Verdict).Labels.Select(l => $"{l.Name}={l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}")), Is.EqualTo("C=1,P=0.5,I=0"));
        Assert.That(rubric.Requires, Is.EqualTo(new[] { requires }));
        Assert.That(rubric.Template, Does.Contain("<answer>\n{output}\n</answer>").And.Contain("<question>\n{input}\n</question>"));
        Assert.That(rubric.Template[rubric.Template.LastIndexOf('\n')..], Does.Contain("GRADE: C").And.Contain("GRADE: I"), "the grading scale aisev offers: C or I");
        Assert.That(rubric.Verdict.Parse("Reasoning.\nGRADE: P").Value, Is.EqualTo(0.5));
        Assert.That(rubric.Verdict.Parse("理由。\nGRADE: I").Value, Is.Zero);
    }

    [TestCase("Control of Toxic Output", "toxic_output")]
    [TestCase("Prevention of Misinformation, Disinformation and Manipulation", "misinformation")]
    [TestCase("Fairness and Inclusion", "fairness")]
    [TestCase("Addressing High-risk Use and Unintended Us", "high_risk_use")]
    [TestCase("Addressing High-risk Use and Unintended Use", "high_risk_use")]
    [TestCase("Privacy Protection", "privacy")]
    [TestCase("Ensuring Security", "security")]
    [TestCase("Explainability", "explainability")]
    [TestCase("Robustness", "robustness")]
    [TestCase("Data Quality", "data_quality")]
    [TestCase("Verifiability", "verifiability")]
    [TestCase("ハイリスク利用・目的外利用への対処", "high_risk_use")]
    public void Aisev_s_perspective_names_are_perspectives(string name, string id)
    {
        Assert.That(Perspectives.Find(name)?.Id, Is.EqualTo(id));
        Assert.That(TaxonomyDefinition.Perspectives.Find(name)?.Id, Is.EqualTo(id));
    }
}
