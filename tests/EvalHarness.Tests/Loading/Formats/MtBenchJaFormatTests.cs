using EvalHarness.Suites;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Loading.Formats;

[TestFixture]
public sealed class MtBenchJaFormatTests
{
    // MT-Bench is judged by a model; a pattern scorer without a capture group needs no reference.
    private const string Suite = """
        name: mt-bench-ja
        language: ja
        dataset:
          path: question.jsonl
          format: mt-bench-ja
        solver: [multi_turn]
        scorers:
          - name: pattern
            options: {regex: "."}
        """;

    [Test]
    public void The_first_turn_is_asked_and_later_turns_and_references_travel_in_metadata()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "question.jsonl", """
            {"question_id": 81, "category": "writing", "turns": ["京都を一日で巡る旅の計画を立ててください。", "その計画を俳句三つにまとめてください。"]}
            {"question_id": 111, "category": "math", "turns": ["頂点が(0,0)、(4,0)、(0,3)の三角形の面積は？", "その三角形の外接円の半径は？"], "reference": ["6", "2.5"]}
            {"question_id": "x-1", "category": "roleplay", "turns": ["駅員になりきって一言あいさつしてください。"]}
            """);

        Assert.That(FormatSuites.Messages(diagnostics), Is.Empty);
        Assert.That(suite!.Samples.Select(s => s.Id), Is.EqualTo(new[] { "81", "111", "x-1" }));
        Assert.That(suite.Samples[0].Input, Is.EqualTo(new[] { new PromptMessage("user", "京都を一日で巡る旅の計画を立ててください。") }));
        Assert.That(suite.Samples.Select(s => s.Metadata["category"]), Is.EqualTo(new[] { "writing", "math", "roleplay" }));
        Assert.That(suite.Samples[0].Metadata["follow_up_turns"], Is.EqualTo("""["その計画を俳句三つにまとめてください。"]"""));
        Assert.That(suite.Samples[2].Metadata["follow_up_turns"], Is.EqualTo("[]"));
        Assert.That(suite.Samples[0].Targets, Is.Empty, "no reference, no target");
        Assert.That(suite.Samples[1].Targets, Is.EqualTo(new[] { "2.5" }), "the last turn's reference: the last answer is scored");
        Assert.That(suite.Samples[1].Metadata["follow_up_references"], Is.EqualTo("""["2.5"]"""));
        Assert.That(suite.Samples[0].Metadata.ContainsKey("follow_up_references"), Is.False);
        Assert.That(suite.GroupBy, Does.Contain("category"), "results break down by MT-Bench category");
    }

    [Test]
    public void Malformed_questions_are_reported_by_line_and_field()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "question.jsonl", """
            {"question_id": 1, "category": "writing", "turns": []}
            {"question_id": 2, "category": "writing", "turns": ["一つ目", 2]}
            {"question_id": 3, "turns": ["質問"]}
            {"question_id": 4, "category": "math", "turns": ["1+1は？"], "reference": "2"}
            """);

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "question.jsonl:1: error: field 'turns': is an empty list",
            "question.jsonl:2: error: field 'turns[1]': must be text, not a number",
            "question.jsonl:3: error: field 'category': is required",
            "question.jsonl:4: error: field 'reference': must be a list, not text",
        }));
    }
}
