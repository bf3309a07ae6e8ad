using System.Text.Json.Nodes;
using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Hallucination;

/// <summary>suites/hallucination validates, runs on its demo recordings with the values the recordings imply, and runs against the loopback server.</summary>
[TestFixture]
public sealed class HallucinationSuiteTests
{
    private static string Suite => Path.Combine(RepoPaths.Suites, "hallucination");

    private static MetricResult Metric(RunResults results, string scorer, string metric) =>
        results.Suites.Single().Metrics.Single(m => m.Scorer == scorer && m.Metric == metric);

    [Test]
    public async Task The_suite_validates_with_100_items_in_every_category_and_language()
    {
        var run = await CliRun.InvokeAsync(["validate", Suite]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(run.Out, Does.Contain("100 samples").And.Contain("2 epoch(s)"));

        var items = File.ReadAllLines(Path.Combine(Suite, "data.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var groups = items.GroupBy(i => (i["category"]!.GetValue<string>(), i["language"]!.GetValue<string>())).ToDictionary(g => g.Key, g => g.Count());
        foreach (var category in new[] { "closed_book", "false_premise", "nonexistent_entity", "grounded_qa" })
        {
            Assert.That(groups.GetValueOrDefault((category, "ja")), Is.GreaterThanOrEqualTo(8), category);
            Assert.That(groups.GetValueOrDefault((category, "en")), Is.GreaterThanOrEqualTo(8), category);
        }

        var demo = File.ReadAllLines(Path.Combine(Suite, "demo.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.That(demo, Has.Count.EqualTo(2 * items.Count), "every item is recorded for both epochs");
    }

    [Test]
    public async Task The_demo_run_gives_the_values_the_recordings_imply()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("run");
        var run = await CliRun.InvokeAsync(["run", Suite, "--model", "demo", "--out", output]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        var results = ResultsFile.Read(Path.Combine(output, "results.json"));

        using (Assert.EnterMultipleScope())
        {
            // 36 closed-book questions x 2 epochs = 72 answers: 58 correct, 4 abstentions, 10 wrong (3 of them hedged).
            Assert.That(Metric(results, "closed_book", "accuracy").Value, Is.EqualTo(58 / 72.0).Within(1e-12));
            Assert.That(Metric(results, "closed_book", "abstention_rate").Value, Is.EqualTo(4 / 72.0).Within(1e-12));
            Assert.That(Metric(results, "closed_book", "confident_wrong_rate").Value, Is.EqualTo(10 / 72.0).Within(1e-12));
            // 8 of 36 questions got two different answers.
            Assert.That(Metric(results, "closed_book", "self_consistency").Value, Is.EqualTo(28 / 36.0).Within(1e-12));
            Assert.That(Metric(results, "closed_book", "confident_wrong_rate").Direction, Is.EqualTo(EvalHarness.Scoring.ScoreDirection.LowerIsBetter));
            // 40 premise questions x 2: 20 answers accept the premise or invent an entity; the detector and the recorded judge agree.
            Assert.That(Metric(results, "premise_check", "accuracy").Value, Is.EqualTo(60 / 80.0).Within(1e-12));
            Assert.That(Metric(results, "judge_premise", "accuracy").Value, Is.EqualTo(60 / 80.0).Within(1e-12));
            Assert.That(Metric(results, "premise_check", "abstention_rate").Value, Is.EqualTo(PremiseAbstentions / 80.0).Within(1e-12));
            // 24 grounded questions x 2: 12 answers add an unsupported claim.
            Assert.That(Metric(results, "judge_claims", "accuracy").Value, Is.EqualTo(36 / 48.0).Within(1e-12));
            Assert.That(Metric(results, "lexical_support", "accuracy").Value, Is.EqualTo(LexicalPasses / 48.0).Within(1e-12));
            Assert.That(Metric(results, "lexical_support", "accuracy").Unscored, Is.Zero);
        }

        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        var hedged = log.Samples.Single(s => s.Id == "cb-ja-15" && s.Epoch == 1).Scores!["closed_book"];
        var accepted = log.Samples.Single(s => s.Id == "fp-ja-01" && s.Epoch == 2).Scores!["premise_check"];
        var contradiction = log.Samples.Single(s => s.Id == "gq-en-07" && s.Epoch == 2).Scores!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(hedged.Values!["confident_wrong"], Is.EqualTo(1), "確かではありませんが、1603年です is a hedged wrong answer");
            Assert.That(accepted.Value, Is.EqualTo(0), accepted.Explanation);
            Assert.That((contradiction["lexical_support"].Value, contradiction["judge_claims"].Value), Is.EqualTo((1.0, 0.0)), "the weaker lexical measure misses a contradiction made of the passage's words; the judge does not");
        }
    }

    [Test]
    public async Task The_suite_runs_against_the_loopback_server_with_a_live_judge()
    {
        var items = File.ReadAllLines(Path.Combine(Suite, "data.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var answers = items.ToDictionary(i => i["input"]!.GetValue<string>(), PerfectAnswer);
        await using var server = await FakeOpenAiServer.StartAsync(request =>
        {
            if (!JudgeRequests.IsJudge(request))
            {
                return FakeReply.Answer(answers[request.LastUserMessage]);
            }

            var prompt = JudgeRequests.Prompt(request)!;
            var japanese = prompt.Contains("判定", StringComparison.Ordinal);
            var claims = prompt.Contains("<context>", StringComparison.Ordinal);
            return FakeReply.Answer((japanese, claims) switch
            {
                (true, true) => "なし\n判定：SUPPORTED",
                (false, true) => "none\nVERDICT: SUPPORTED",
                (true, false) => "要件を満たしています。\n判定：C",
                _ => "It meets the requirement.\nGRADE: C",
            });
        });

        using var dir = new TempDirectory();
        var output = dir.Combine("run");
        var run = await CliRun.InvokeAsync(
            ["run", Suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--judge", "openai/fake-judge", "--judge-base-url", server.BaseUrl.ToString(), "--out", output],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test-hallucination", ["EVALH_CACHE_DIR"] = dir.Combine("cache") });
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);

        var results = ResultsFile.Read(Path.Combine(output, "results.json"));
        using (Assert.EnterMultipleScope())
        {
            // 200 answers, then the judge: 40 premise items and 24 grounded items, twice each.
            Assert.That(server.Requests, Has.Count.EqualTo(200 + 80 + 48));
            foreach (var (scorer, metric) in new[] { ("closed_book", "accuracy"), ("closed_book", "self_consistency"), ("premise_check", "accuracy"), ("judge_premise", "accuracy"), ("judge_claims", "accuracy"), ("lexical_support", "accuracy") })
            {
                Assert.That(Metric(results, scorer, metric).Value, Is.EqualTo(1), $"{scorer} {metric}");
            }

            Assert.That(Metric(results, "closed_book", "confident_wrong_rate").Value, Is.Zero);
            Assert.That(Metric(results, "closed_book", "abstention_rate").Value, Is.Zero);
        }
    }

    /// <summary>What a model that never hallucinates would say: the target, a correction, or the passage's own first sentence.</summary>
    private static string PerfectAnswer(JsonObject item)
    {
        var japanese = item["language"]!.GetValue<string>() == "ja";
        return item["category"]!.GetValue<string>() switch
        {
            "closed_book" => item["target"]!.AsArray()[0]!.GetValue<string>() + (japanese ? "です。" : "."),
            "grounded_qa" => item["context"]!.GetValue<string>().Split(japanese ? '。' : '.')[0] + (japanese ? "。" : "."),
            _ => japanese ? "質問の前提が誤っています。そのような事実は確認できません。" : "The premise of the question is incorrect; I cannot confirm it.",
        };
    }

    // Counted from the recordings: answers that say they do not know without correcting the premise.
    private const int PremiseAbstentions = 13;
    // 10 answers have at least a fifth of their content words outside the passage; 2 of the 12 the judge rejects do not.
    private const int LexicalPasses = 38;
}
