using System.Collections.Concurrent;
using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Providers;
using EvalHarness.Providers.Mock;
using EvalHarness.Models;
using EvalHarness.Tests.Loading.Formats;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Engine;

/// <summary>MT-Bench's follow-up turns are asked after the model's own answers, recorded, and replayable.</summary>
[TestFixture]
public sealed class MultiTurnTests
{
    private const string Questions = """
        {"question_id": 81, "category": "writing", "turns": ["京都を一日で巡る計画を立ててください。", "その計画を俳句三つにまとめてください。"], "reference": ["計画", "俳句"]}
        {"question_id": 82, "category": "roleplay", "turns": ["駅員になりきって一言あいさつしてください。"]}
        """;

    private const string Suite = """
        name: mt
        language: ja
        dataset:
          path: question.jsonl
          format: mt-bench-ja
        solver:
          - multi_turn
        scorers:
          - name: pattern
            options: {regex: '\S'}
        """;

    private static async Task<RunOutcome> Run(TempDirectory dir, IModel target, string suiteYaml = Suite, string file = "question.jsonl", string data = Questions)
    {
        var (suite, diagnostics) = FormatSuites.Load(dir, suiteYaml, file, data);
        Assert.That(FormatSuites.Messages(diagnostics), Is.Empty);
        var options = new RunOptions { OutputDirectory = dir.Combine("out"), MaxConnections = 1, Seed = 1 };
        return await new EvalRunner(Composition.Catalog).RunAsync(target, [suite!], options, NullRunObserver.Instance, CancellationToken.None);
    }

    [Test]
    public async Task Follow_up_turns_are_asked_after_the_previous_answers_and_every_turn_is_logged()
    {
        using var dir = new TempDirectory();
        var requests = new ConcurrentBag<GenerationRequest>();
        var target = new MockModel(r =>
        {
            requests.Add(r);
            return $"answer {r.Turn}";
        });

        var outcome = await Run(dir, target);

        var kyoto = outcome.Log.Samples.Single(s => s.Id == "81");
        var second = requests.Single(r => r.SampleId == "81" && r.Turn == 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(target.Calls, Is.EqualTo(3), "two turns and one; no extra generate step is added after multi_turn");
            Assert.That(second.Messages.Select(m => (m.Role, m.Content)), Is.EqualTo(new[]
            {
                ("user", "京都を一日で巡る計画を立ててください。"),
                ("assistant", "answer 1"),
                ("user", "その計画を俳句三つにまとめてください。"),
            }));
            Assert.That(kyoto.Output, Is.EqualTo("answer 2"), "the last answer is the one scored");
            Assert.That(kyoto.Targets, Is.EqualTo(new[] { "俳句" }), "against the last turn's reference");
            Assert.That(kyoto.Turns!.Select(t => (t.Turn, t.Prompt, t.Output)), Is.EqualTo(new[]
            {
                (1, "京都を一日で巡る計画を立ててください。", "answer 1"),
                (2, "その計画を俳句三つにまとめてください。", "answer 2"),
            }));
            Assert.That(outcome.Log.Samples.Single(s => s.Id == "82").Turns, Has.Count.EqualTo(1));
        }

        // The log on disk holds the turns too, so reports and `evalh report` see them.
        var reread = RunLogReader.Read(Path.Combine(dir.Combine("out"), "log.jsonl"));
        Assert.That(reread.Samples.Single(s => s.Id == "81").Turns!.Select(t => t.Output), Is.EqualTo(new[] { "answer 1", "answer 2" }));
    }

    [Test]
    public async Task Replay_recordings_hold_one_output_per_turn()
    {
        using var dir = new TempDirectory();
        var recordings = dir.File("rec.jsonl", """
            {"id": 81, "outputs": ["計画です。", "俳句です。"]}
            {"id": 82, "output": "いらっしゃいませ。"}
            """);
        var target = TestModels.Create("replay:" + recordings, new ModelSettings(), []);

        var outcome = await Run(dir, target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Log.Samples.Single(s => s.Id == "81").Turns!.Select(t => t.Output), Is.EqualTo(new[] { "計画です。", "俳句です。" }));
            Assert.That(outcome.Log.Samples.Single(s => s.Id == "82").Output, Is.EqualTo("いらっしゃいませ。"));
            Assert.That(outcome.Log.Samples.All(s => s.Error is null), Is.True);
        }
    }

    [Test]
    public async Task A_recording_with_fewer_turns_than_the_conversation_is_an_error_for_that_sample()
    {
        using var dir = new TempDirectory();
        var recordings = dir.File("rec.jsonl", """
            {"id": 81, "output": "計画です。"}
            {"id": 82, "output": "いらっしゃいませ。"}
            """);
        var target = TestModels.Create("replay:" + recordings, new ModelSettings(), []);

        var outcome = await Run(dir, target);

        Assert.That(outcome.Log.Samples.Single(s => s.Id == "81").Error!.Message, Does.Contain("no recorded output for turn 2 of sample '81' epoch 1"));
    }

    [Test]
    public void Outputs_must_be_a_non_empty_list_of_text_and_not_given_with_output()
    {
        using var dir = new TempDirectory();
        var file = dir.File("rec.jsonl", "{\"id\": \"a\", \"outputs\": []}\n{\"id\": \"b\", \"outputs\": [\"x\", 2]}\n{\"id\": \"c\", \"output\": \"x\", \"outputs\": [\"x\"]}\n");

        var error = Assert.Throws<EvalHarness.Validation.InvalidInputException>(() => TestModels.Create("replay:" + file, new ModelSettings(), []))!;

        var text = string.Join("\n", error.Diagnostics);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("rec.jsonl:1: error: field 'outputs': must be a non-empty list of text"));
            Assert.That(text, Does.Contain("rec.jsonl:2: error: field 'outputs': must be a non-empty list of text"));
            Assert.That(text, Does.Contain("rec.jsonl:3: error: field 'outputs': give either 'output' or 'outputs', not both"));
        }
    }

    [Test]
    public void Follow_up_turns_that_are_not_a_list_of_text_are_a_sample_error()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, """
            name: mt
            dataset: data.jsonl
            solver: [multi_turn]
            scorers: [includes]
            """, "data.jsonl", """{"id": "a", "input": "こんにちは", "target": "x", "follow_up_turns": "次は？"}""");

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics).Single(), Does.Contain("sample 'a': metadata 'follow_up_turns' must be a JSON list of text"));
    }

    [Test]
    public void Follow_up_turns_without_a_multi_turn_step_are_a_warning()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, Suite.Replace("  - multi_turn", "  - generate", StringComparison.Ordinal), "question.jsonl", Questions);

        Assert.That(suite, Is.Not.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "question.jsonl: warning: field 'follow_up_turns': 1 samples have follow-up turns, but the solver has no multi_turn step: only their first turn is asked",
        }));
    }

    [TestCase("", 15)]
    [TestCase("generate: {max_tokens: 7}", 7)]
    public async Task Llm_jp_eval_output_length_is_max_tokens_unless_the_suite_sets_one(string generate, int expected)
    {
        using var dir = new TempDirectory();
        var requests = new ConcurrentBag<GenerationRequest>();
        var target = new MockModel(r =>
        {
            requests.Add(r);
            return "東京";
        });
        var suite = $"""
            name: qa
            language: ja
            dataset:
              path: qa.json
              format: llm-jp-eval
            scorers: [exact_match]
            {generate}
            """;

        await Run(dir, target, suite, "qa.json", """{"instruction": "答えて", "output_length": 15, "metrics": ["exact_match"], "samples": [{"input": "日本の首都は？", "output": "東京"}]}""");

        Assert.That(requests.Single().Settings.MaxTokens, Is.EqualTo(expected));
    }
}
