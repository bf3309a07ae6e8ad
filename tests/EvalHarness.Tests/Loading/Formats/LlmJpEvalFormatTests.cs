using EvalHarness.Model;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Loading.Formats;

[TestFixture]
public sealed class LlmJpEvalFormatTests
{
    private const string Suite = """
        name: jemhopqa
        language: ja
        dataset:
          path: jemhopqa.json
          format: llm-jp-eval
        scorers: [exact]
        """;

    [Test]
    public void Samples_share_the_instruction_as_a_system_message_and_keep_length_and_metrics()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "jemhopqa.json", """
            {
                "instruction": "質問に答えてください。答えだけを出力してください。",
                "output_length": 15,
                "metrics": [
                    "char_f1",
                    "exact_match"
                ],
                "few_shots": [
                    {
                        "input": "質問：日本で一番長い川は？",
                        "output": "信濃川"
                    }
                ],
                "samples": [
                    {
                        "input": "質問：日本で一番高い山は？",
                        "output": "富士山"
                    },
                    {
                        "input": "質問：日本の首都は？",
                        "output": "東京"
                    }
                ]
            }
            """);

        Assert.That(FormatSuites.Messages(diagnostics), Is.Empty);
        Assert.That(suite!.Samples.Select(s => s.Id), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(suite.Samples[0].Input, Is.EqualTo(new[]
        {
            new PromptMessage("system", "質問に答えてください。答えだけを出力してください。"),
            new PromptMessage("user", "質問：日本で一番高い山は？"),
        }), "few-shot examples are not put into the conversation");
        Assert.That(suite.Samples.Select(s => s.Targets.Single()), Is.EqualTo(new[] { "富士山", "東京" }));
        Assert.That(suite.Samples.Select(s => s.Line), Is.EqualTo(new[] { 15, 19 }));
        Assert.That(suite.Samples[1].Metadata["output_length"], Is.EqualTo("15"));
        Assert.That(suite.Samples[1].Metadata["metrics"], Is.EqualTo("""["char_f1","exact_match"]"""));
    }

    [Test]
    public void Header_and_sample_problems_are_all_reported_with_their_positions()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "jemhopqa.json", """
            {
                "instruction": "質問に答えてください。",
                "output_length": "15",
                "metrics": "char_f1",
                "samples": [
                    {
                        "input": 42,
                        "output": "富士山"
                    },
                    {
                        "input": "質問：日本の首都は？"
                    },
                    "東京"
                ]
            }
            """);

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "jemhopqa.json:1:1: error: field 'output_length': must be a whole number of at least 1 (the longest answer expected, in tokens), not text",
            "jemhopqa.json:1:1: error: field 'metrics': must be a list, not text",
            "jemhopqa.json:6:9: error: field 'samples[0].input': must be text, not a number",
            "jemhopqa.json:10:9: error: field 'samples[1].output': is required",
            "jemhopqa.json:13:9: error: field 'samples[2]': must be an object ({...}), not text",
        }));
    }
}
