using EvalHarness.Suites;
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
            new PromptMessage("user", "質問：日本で一番長い川は？"),
            new PromptMessage("assistant", "信濃川"),
            new PromptMessage("user", "質問：日本で一番高い山は？"),
        }), "the file's one example (of the default 4) comes first as a user/assistant pair");
        Assert.That(suite.Samples.Select(s => s.Targets.Single()), Is.EqualTo(new[] { "富士山", "東京" }));
        Assert.That(suite.Samples.Select(s => s.Line), Is.EqualTo(new[] { 15, 19 }));
        Assert.That(suite.Samples[1].Metadata["output_length"], Is.EqualTo("15"));
        Assert.That(suite.Samples[1].Metadata["max_tokens"], Is.EqualTo("15"));
        Assert.That(suite.Samples[1].Metadata["few_shots"], Is.EqualTo("1"));
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

    [Test]
    public void A_name_given_twice_in_one_object_is_reported_where_it_is_repeated()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "jemhopqa.json", """
            {
                "instruction": "質問に答えてください。",
                "output_length": 15,
                "metrics": ["exact_match"],
                "samples": [
                    {"input": "質問：日本の首都は？", "output": "東京"},
                    {"input": "質問", "output": "a", "input": "別の質問"}
                ]
            }
            """);

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "jemhopqa.json:7:40: error: field 'input': is given twice in one object; a field may be given once",
        }));
    }

    private const string FiveShots = """
        {"instruction": "答えて", "output_length": 8, "metrics": ["exact_match"],
         "few_shots": [{"input": "q1", "output": "a1"}, {"input": "q2", "output": "a2"}, {"input": "q3", "output": "a3"}, {"input": "q4", "output": "a4"}, {"input": "q5", "output": "a5"}],
         "samples": [{"input": "問い", "output": "答え"}]}
        """;

    private static string WithFewShots(string value) => Suite.Replace("format: llm-jp-eval", "format: llm-jp-eval\n  few_shots: " + value, StringComparison.Ordinal);

    [TestCase(null, 4)]
    [TestCase("0", 0)]
    [TestCase("2", 2)]
    [TestCase("5", 5)]
    public void Few_shots_chooses_how_many_examples_precede_each_sample(string? option, int expected)
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, option is null ? Suite : WithFewShots(option), "jemhopqa.json", FiveShots);

        Assert.That(FormatSuites.Messages(diagnostics), Is.Empty);
        var input = suite!.Samples.Single().Input;
        var expectedMessages = new List<PromptMessage> { new("system", "答えて") };
        for (var i = 1; i <= expected; i++)
        {
            expectedMessages.Add(new("user", $"q{i}"));
            expectedMessages.Add(new("assistant", $"a{i}"));
        }

        expectedMessages.Add(new("user", "問い"));
        Assert.That(input, Is.EqualTo(expectedMessages));
    }

    [Test]
    public void Asking_for_more_examples_than_the_file_has_is_an_error()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, WithFewShots("6"), "jemhopqa.json", FiveShots);

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Has.One.Contains("field 'few_shots': has 5 examples, but dataset.few_shots asks for 6"));
    }

    [Test]
    public void Few_shots_is_an_error_with_formats_without_examples()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, "name: x\ndataset:\n  path: d.jsonl\n  few_shots: 2\nscorers: [exact]\n", "d.jsonl", "{\"id\": 1, \"input\": \"a\", \"target\": \"b\"}");

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Has.One.Contains("the jsonl format has no few-shot examples; dataset.few_shots applies only to llm-jp-eval"));
    }
}
