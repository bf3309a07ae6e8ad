using EvalHarness.Suites;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Loading.Formats;

[TestFixture]
public sealed class ElyzaTasks100FormatTests
{
    private const string Suite = """
        name: elyza
        language: ja
        dataset:
          path: test.csv
          format: elyza-tasks-100
        scorers: [includes]
        """;

    [Test]
    public void Rows_become_tasks_numbered_from_one_with_the_reference_answer_and_grading_notes()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "test.csv", """
            input,output,eval_aspect
            "次の文を丁寧語に書き換えてください。
            「明日行く」",明日伺います。,"- 丁寧語になっていれば満点
            - 意味が変わっていたら減点"
            朝ごはんに合う飲み物を一つ挙げてください。,"[例] 牛乳",

            """);

        Assert.That(FormatSuites.Messages(diagnostics), Is.Empty);
        Assert.That(suite!.Samples.Select(s => s.Id), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(suite.Samples.Select(s => s.Line), Is.EqualTo(new[] { 2, 5 }), "a record starts where its quoted cell opens");
        Assert.That(suite.Samples[0].Input, Is.EqualTo(new[] { new PromptMessage("user", "次の文を丁寧語に書き換えてください。\n「明日行く」") }));
        Assert.That(suite.Samples[0].Targets, Is.EqualTo(new[] { "明日伺います。" }));
        Assert.That(suite.Samples[0].Metadata["eval_aspect"], Is.EqualTo("- 丁寧語になっていれば満点\n- 意味が変わっていたら減点"));
        Assert.That(suite.Samples[1].Targets, Is.EqualTo(new[] { "[例] 牛乳" }), "a reference answer starting with '[' is text, not a JSON list");
        Assert.That(suite.Samples[1].Metadata.ContainsKey("eval_aspect"), Is.False, "an empty cell adds no label");
    }

    [Test]
    public void A_missing_column_is_reported_once_and_empty_cells_by_row()
    {
        using var dir = new TempDirectory();
        var (_, missingColumn) = FormatSuites.Load(dir, Suite, "test.csv", "input,answer,eval_aspect\n質問1,答え1,観点1\n質問2,答え2,観点2\n");
        Assert.That(FormatSuites.Messages(missingColumn), Is.EqualTo(new[]
        {
            "test.csv:1: error: field 'output': the header row has no such column; ELYZA-tasks-100 files have the columns input, output, eval_aspect",
        }));

        var (suite, emptyCells) = FormatSuites.Load(dir, Suite, "test.csv", "input,output,eval_aspect\n質問1,答え1,観点1\n,答え2,観点2\n質問3,,観点3\n");
        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(emptyCells), Is.EqualTo(new[]
        {
            "test.csv:3: error: field 'input': is empty",
            "test.csv:4: error: field 'output': is empty",
        }));
    }
}
