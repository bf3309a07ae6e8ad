using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Loading.Formats;

[TestFixture]
public sealed class JsquadFormatTests
{
    private const string Suite = """
        name: jsquad
        language: ja
        dataset:
          path: valid-v1.1.json
          format: jsquad
        scorers: [includes]
        """;

    [Test]
    public void Every_question_becomes_a_sample_with_all_distinct_answers_at_its_own_line()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "valid-v1.1.json", """
            {
              "version": "v1.1",
              "data": [
                {
                  "title": "富士山",
                  "paragraphs": [
                    {
                      "context": "富士山 [SEP] 富士山は静岡県と山梨県にまたがる活火山で、標高は3776メートルである。",
                      "qas": [
                        {"id": "f0q0", "question": "富士山の標高は何メートルか。", "answers": [{"text": "3776メートル", "answer_start": 35}, {"text": "3776メートル", "answer_start": 35}, {"text": "3776", "answer_start": 35}], "is_impossible": false},
                        {"id": "f0q1", "question": "富士山はどの県にまたがっているか。", "answers": [{"text": "静岡県と山梨県", "answer_start": 14}], "is_impossible": false}
                      ]
                    }
                  ]
                },
                {
                  "title": "琵琶湖",
                  "paragraphs": [
                    {
                      "context": "琵琶湖 [SEP] 琵琶湖は滋賀県にある日本最大の湖である。",
                      "qas": [
                        {
                          "id": "b0q0",
                          "question": "日本最大の湖は何か。",
                          "answers": [{"text": "琵琶湖", "answer_start": 10}]
                        }
                      ]
                    }
                  ]
                }
              ]
            }
            """);

        Assert.That(FormatSuites.Messages(diagnostics), Is.Empty);
        Assert.That(suite!.Samples.Select(s => s.Id), Is.EqualTo(new[] { "f0q0", "f0q1", "b0q0" }));
        Assert.That(suite.Samples.Select(s => s.Line), Is.EqualTo(new[] { 10, 11, 22 }), "each sample points at its question object");
        Assert.That(suite.Samples[0].Targets, Is.EqualTo(new[] { "3776メートル", "3776" }), "duplicate answers collapse, order kept");
        Assert.That(suite.Samples.Select(s => s.Metadata["title"]), Is.EqualTo(new[] { "富士山", "富士山", "琵琶湖" }));
        Assert.That(suite.Samples.All(s => s.Choices.Count == 0), Is.True);

        var prompt = suite.Samples[2].Input.Single();
        Assert.That(prompt.Role, Is.EqualTo("user"));
        var context = prompt.Content.IndexOf("琵琶湖 [SEP] 琵琶湖は滋賀県にある日本最大の湖である。", StringComparison.Ordinal);
        Assert.That(context, Is.GreaterThan(0), "the context is given as written, after the instruction");
        Assert.That(prompt.Content.IndexOf("日本最大の湖は何か。", StringComparison.Ordinal), Is.GreaterThan(context), "the question follows the context");
    }

    [Test]
    public void Problems_point_at_the_question_object_by_line_and_column()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite, "valid-v1.1.json", """
            {"data": [
              {"title": "東京タワー", "paragraphs": [
                {"context": "東京タワー [SEP] 東京タワーは港区にある電波塔である。", "qas": [
                  {"id": "t0q0", "question": "東京タワーは何区にあるか。", "answers": [{"text": "港区", "answer_start": 19}, {"text": 7, "answer_start": 19}]},
                  {"id": "t0q1", "answers": [{"text": "電波塔", "answer_start": 25}]},
                  {"id": "t0q2", "question": "東京タワーの高さは？", "answers": []},
                  {"id": "t0q3", "question": "東京タワーの色は？", "answers": [], "is_impossible": true}
                ]},
                {"qas": []}
              ]}
            ]}
            """);

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "valid-v1.1.json:4:7: error: field 'data[0].paragraphs[0].qas[0].answers[1].text': must be text, not a number",
            "valid-v1.1.json:5:7: error: field 'data[0].paragraphs[0].qas[1].question': is required",
            "valid-v1.1.json:6:7: error: field 'data[0].paragraphs[0].qas[2].answers': is an empty list; an answerable question needs at least one answer",
            "valid-v1.1.json:7:7: warning: field 'data[0].paragraphs[0].qas[3].is_impossible': question 't0q3' is skipped: it is marked unanswerable, so there is no answer to score against",
            "valid-v1.1.json:9:5: error: field 'data[0].paragraphs[1].context': is required",
        }));
    }

    [Test]
    public void In_a_single_line_file_the_column_counts_characters_to_the_question()
    {
        using var dir = new TempDirectory();
        const string Json = """{"data": [{"title": "日本語の題", "paragraphs": [{"context": "日本語の題 [SEP] 本文です。", "qas": [{"id": "s1", "question": "本文は？", "answers": [{"text": "本文", "answer_start": 12}]}, {"id": "s2", "answers": [{"text": "本文", "answer_start": 12}]}]}]}]}""";
        var (_, diagnostics) = FormatSuites.Load(dir, Suite, "valid-v1.1.json", Json);

        var column = Json.IndexOf("{\"id\": \"s2\"", StringComparison.Ordinal) + 1;
        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            $"valid-v1.1.json:1:{column}: error: field 'data[0].paragraphs[0].qas[1].question': is required",
        }));
    }

    [Test]
    public void Invalid_json_is_reported_where_it_breaks()
    {
        using var dir = new TempDirectory();
        var (_, diagnostics) = FormatSuites.Load(dir, Suite, "valid-v1.1.json", """
            {"data": [
              {"title": "題", "paragraphs": [}
            ]}
            """);

        var error = diagnostics.Items.Single();
        Assert.That((error.Line, error.Column, error.Severity), Is.EqualTo((2, 33, Severity.Error)));
        Assert.That(error.Message, Does.StartWith("not valid JSON: "));
    }
}
