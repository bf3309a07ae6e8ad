using System.Text.RegularExpressions;
using EvalHarness.Judges.Calibration;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Judges.Calibration;

/// <summary>
/// The shipped calibration set (calibration/): every item reads as judge-check reads it, each core rubric has at
/// least 100 items in each language, and each guide's list of hard items is exactly the items marked hard, with
/// the labels they carry. The README's counts are the files' counts.
/// </summary>
[TestFixture]
public sealed partial class CalibrationSetTests
{
    private static readonly string[] CoreRubrics = ["requirement", "refusal", "claim-support"];

    private static string Directory => Path.Combine(RepoPaths.Root, "calibration");

    private static List<LabelledItem> ReadAll(DiagnosticBag diagnostics) => LabelledSetReader.Read([Directory], CalibrationRubrics.BuiltIn, diagnostics);

    [Test]
    public void Every_line_is_a_valid_item_with_a_unique_id_and_a_label_of_its_rubric()
    {
        var diagnostics = new DiagnosticBag();

        var items = ReadAll(diagnostics);

        Assert.That(diagnostics.Items.Select(d => d.ToString()), Is.Empty, "no error and no warning");
        var lines = CoreRubrics.Sum(r => File.ReadAllLines(Path.Combine(Directory, r + ".jsonl")).Count(l => l.Trim().Length > 0));
        Assert.That(items, Has.Count.EqualTo(lines));
        Assert.That(items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(items.Count));
        foreach (var item in items)
        {
            Assert.That(Path.GetFileNameWithoutExtension(item.File), Is.EqualTo(item.Rubric), $"{item.Id}: each rubric's items are in its own file");
            CalibrationRubrics.BuiltIn.TryGet(item.Rubric, out var rubric);
            Assert.That(rubric!.Categories, Does.Contain(item.Label), item.Id);
            Assert.That(item.Requirement is { Length: > 0 }, Is.EqualTo(item.Rubric == "requirement"), $"{item.Id}: a requirement exactly on requirement items");
            Assert.That(item.Context is { Length: > 0 }, Is.EqualTo(item.Rubric == "claim-support"), $"{item.Id}: a context exactly on claim-support items");
            Assert.That(item.Note, Is.Not.Null.And.Not.Empty, $"{item.Id}: every label is explained");
        }
    }

    [Test]
    public void Each_core_rubric_has_at_least_100_items_in_each_language_with_every_label_and_hard_cases()
    {
        var items = ReadAll(new DiagnosticBag());

        foreach (var rubric in CoreRubrics)
        {
            CalibrationRubrics.BuiltIn.TryGet(rubric, out var definition);
            foreach (var language in new[] { "ja", "en" })
            {
                var own = items.Where(i => i.Rubric == rubric && i.Language == language).ToList();
                Assert.That(own, Has.Count.GreaterThanOrEqualTo(100), $"{rubric} {language}");
                Assert.That(own.Select(i => i.Label).Distinct(), Is.EquivalentTo(definition!.Categories), $"{rubric} {language}: every label occurs");
                Assert.That(own.Count(i => i.Hard), Is.GreaterThanOrEqualTo(own.Count / 5), $"{rubric} {language}: hard cases");
            }
        }
    }

    [TestCase("requirement")]
    [TestCase("refusal")]
    [TestCase("claim-support")]
    public void The_guides_list_of_hard_items_is_exactly_the_items_marked_hard(string rubric)
    {
        var items = ReadAll(new DiagnosticBag()).Where(i => i.Rubric == rubric).ToDictionary(i => i.Id);
        var guide = File.ReadAllText(Path.Combine(Directory, "guide", rubric + ".md"));
        var section = guide[guide.IndexOf("Items whose label was hard to decide", StringComparison.Ordinal)..];

        var listed = HardItem().Matches(section).Select(m => (Id: m.Groups["id"].Value, Label: m.Groups["label"].Value)).ToList();

        Assert.That(listed.Select(l => l.Id), Is.Unique);
        Assert.That(listed.Select(l => l.Id), Is.EquivalentTo(items.Values.Where(i => i.Hard).Select(i => i.Id)));
        Assert.That(listed.Where(l => !items.ContainsKey(l.Id) || items[l.Id].Label != l.Label).Select(l => $"{l.Id} {l.Label}"), Is.Empty, "the label the guide chose is the item's");
    }

    [Test]
    public void The_readme_counts_are_the_files_counts()
    {
        var items = ReadAll(new DiagnosticBag());
        var readme = File.ReadAllText(Path.Combine(Directory, "README.md"));

        foreach (var group in items.GroupBy(i => (i.Rubric, i.Language)))
        {
            var labels = string.Join(", ", group.GroupBy(i => i.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            var row = $"| {group.Key.Rubric} | {group.Key.Language} | {group.Count()} | {labels} | {group.Count(i => i.Hard)} |";
            Assert.That(readme, Does.Contain(row), "calibration/README.md's counts table");
        }

        Assert.That(readme, Does.Contain($"{items.Count} items"));
    }

    /// <summary>A line of a guide's hard-item list: "- `id`: LABEL over …" or "- `id` LABEL: …".</summary>
    [GeneratedRegex(@"^- `(?<id>[a-z]+-[a-z]{2}-\d+)`:? (?<label>[A-Z]+)\b", RegexOptions.Multiline)]
    private static partial Regex HardItem();
}
