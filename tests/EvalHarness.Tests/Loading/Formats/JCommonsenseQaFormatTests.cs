using EvalHarness.Suites;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Loading.Formats;

[TestFixture]
public sealed class JCommonsenseQaFormatTests
{
    private const string Suite = """
        name: jcqa
        language: ja
        dataset:
          path: valid-v1.1.json
          format: jcommonsenseqa
        solver:
          - multiple_choice
        scorers: [choice]
        """;

    [Test]
    public void Questions_become_five_way_multiple_choice_with_the_label_as_a_letter()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "valid-v1.1.json", """
            {"q_id": 100, "question": "雨の日に出かけるとき手に持つものは？", "choice0": "傘", "choice1": "鍋", "choice2": "枕", "choice3": "鉛筆", "choice4": "時計", "label": 0}
            {"q_id": 101, "question": "夜空に見える丸くて明るいものは？", "choice0": "太陽", "choice1": "雲", "choice2": "虹", "choice3": "海", "choice4": "月", "label": 4}
            """);

        Assert.That(FormatSuites.Messages(diagnostics), Is.Empty);
        Assert.That(suite!.Samples.Select(s => s.Id), Is.EqualTo(new[] { "100", "101" }));
        Assert.That(suite.Samples[0].Input, Is.EqualTo(new[] { new PromptMessage("user", "雨の日に出かけるとき手に持つものは？") }));
        Assert.That(suite.Samples[0].Choices, Is.EqualTo(new[] { "傘", "鍋", "枕", "鉛筆", "時計" }));
        Assert.That(suite.Samples.Select(s => s.Targets.Single()), Is.EqualTo(new[] { "A", "E" }));
        Assert.That(suite.Samples.Select(s => s.Line), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(suite.Samples[1].Metadata.Keys, Is.EquivalentTo(new[] { "language" }), "only the suite's defaults: no stray fields");
    }

    [Test]
    public void Malformed_lines_are_reported_with_line_and_original_field_name()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "valid-v1.1.json", """
            {"q_id": 1, "question": "りんごの色として多いのは？", "choice0": "赤", "choice1": "青", "choice2": "紫", "choice3": "黒", "choice4": "白", "label": 0}
            {"q_id": 2, "question": "氷が溶けると何になる？", "choice0": "水", "choice1": "石", "choice2": "砂", "choice3": "鉄", "choice4": "紙", "label": 5}
            {"q_id": 3, "question": 12, "choice0": "a", "choice1": "b", "choice2": "c", "choice3": "d", "choice4": "e", "label": "1"}
            {"q_id": 4, "question": "猫の鳴き声は？", "choice0": "ニャー", "choice1": "ワン", "choice2": "モー", "choice4": "ブー", "label": 0}
            {"q_id": 1, "question": "空の色は？", "choice0": "青", "choice1": "緑", "choice2": "茶", "choice3": "灰", "choice4": "金", "label": 0}
            """);

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "valid-v1.1.json:2: error: field 'label': must be a whole number from 0 to 4 (the index of the correct choice), not 5",
            "valid-v1.1.json:3: error: field 'question': must be text, not a number",
            "valid-v1.1.json:3: error: field 'label': must be a whole number from 0 to 4 (the index of the correct choice), not text",
            "valid-v1.1.json:4: error: field 'choice3': is required",
            "valid-v1.1.json:5: error: field 'q_id': duplicate sample id '1' (first used on line 1)",
        }));
    }
}
