using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Loading.Formats;

[TestFixture]
public sealed class JnliFormatTests
{
    private const string Suite = """
        name: jnli
        language: ja
        dataset:
          path: valid-v1.1.json
          format: jnli
        solver:
          - multiple_choice
        scorers: [choice]
        """;

    [Test]
    public void Pairs_become_a_japanese_prompt_with_the_three_labels_as_fixed_options()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "valid-v1.1.json", """
            {"sentence_pair_id": "0", "yjcaptions_id": "1-2-3", "sentence1": "公園のベンチに男性が座って新聞を読んでいます。", "sentence2": "男性が屋外で新聞を読んでいます。", "label": "entailment"}
            {"sentence_pair_id": "1", "yjcaptions_id": "1-3-2", "sentence1": "台所で女性が野菜を切っています。", "sentence2": "台所には誰もいません。", "label": "contradiction"}
            {"sentence_pair_id": "2", "yjcaptions_id": "4-5-6", "sentence1": "看板に{hypothesis}と書かれています。", "sentence2": "駅の前に看板があります。", "label": "neutral"}
            """);

        Assert.That(FormatSuites.Messages(diagnostics), Is.Empty);
        Assert.That(suite!.Samples.Select(s => s.Id), Is.EqualTo(new[] { "0", "1", "2" }));
        Assert.That(suite.Samples.Select(s => s.Choices), Is.All.EqualTo(new[] { "entailment", "contradiction", "neutral" }));
        Assert.That(suite.Samples.Select(s => s.Targets.Single()), Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(suite.Samples.Select(s => s.Metadata["label"]), Is.EqualTo(new[] { "entailment", "contradiction", "neutral" }));

        var prompt = suite.Samples[0].Input.Single();
        Assert.That(prompt.Role, Is.EqualTo("user"));
        var premise = prompt.Content.IndexOf("公園のベンチに男性が座って新聞を読んでいます。", StringComparison.Ordinal);
        var hypothesis = prompt.Content.IndexOf("男性が屋外で新聞を読んでいます。", StringComparison.Ordinal);
        Assert.That(premise, Is.GreaterThan(0), "the instruction comes first, then the premise");
        Assert.That(hypothesis, Is.GreaterThan(premise), "the hypothesis follows the premise");
        Assert.That(prompt.Content, Does.Not.Contain("{premise}").And.Not.Contain("{hypothesis}"));
        Assert.That(suite.Samples[2].Input.Single().Content, Does.Contain("看板に{hypothesis}と書かれています。"), "a sentence is inserted as written, never expanded again");
    }

    [Test]
    public void Unknown_labels_and_missing_sentences_are_reported_by_line()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "valid-v1.1.json", """
            {"sentence_pair_id": "0", "sentence1": "犬が走っています。", "sentence2": "動物が動いています。", "label": "contradict"}
            {"sentence_pair_id": "1", "sentence1": "犬が走っています。", "label": "neutral"}
            {"sentence_pair_id": ["2"], "sentence1": "犬が走っています。", "sentence2": "猫が寝ています。", "label": "neutral"}
            """);

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "valid-v1.1.json:1: error: field 'label': 'contradict' is not a JNLI label; use entailment, contradiction or neutral",
            "valid-v1.1.json:2: error: field 'sentence2': is required",
            "valid-v1.1.json:3: error: field 'sentence_pair_id': must be text or a whole number, not a list",
        }));
    }
}
