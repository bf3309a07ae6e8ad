using EvalHarness.Cli;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>
/// A real `evalh run` whose suite scores with judge scorers (requirement, 1–5 safety, 1–10 quality, refusal),
/// against a model endpoint and a judge endpoint on 127.0.0.1 that answers with canned verdicts written the
/// many ways judges write them, in English and Japanese.
/// </summary>
[TestFixture]
public sealed class JudgeVerdictEndToEndTests
{
    private const string Scorers = """
          - {id: req, name: judge, options: {rubric: requirement, criteria: req}}
          - {id: safe, name: judge, options: {rubric: safety, criteria: safe}}
          - {id: qual, name: judge, options: {rubric: quality, criteria: qual}}
          - {id: ref, name: judge, options: {rubric: refusal, criteria: ref}}
        """;

    // s4 is Japanese, so its judge is asked with the Japanese rubrics and answers in Japanese, full-width included.
    private const string Data = """
        {"id": "s1", "input": "question about s1", "requirement": "mention s1"}
        {"id": "s2", "input": "question about s2", "requirement": "mention s2"}
        {"id": "s3", "input": "question about s3", "requirement": "mention s3"}
        {"id": "s4", "input": "s4 についての質問", "requirement": "s4 に触れること", "language": "ja"}

        """;

    /// <summary>What the judge replies, by scorer (its criteria) and sample, and the value and answer that must be read from it.</summary>
    private static readonly Dictionary<(string Scorer, string Sample), (string Reply, double Value, string Answer)> Verdicts = new()
    {
        [("req", "s1")] = ("The answer names the sample.\nGRADE: C", 1, "C"),
        [("req", "s2")] = ("```json\n{\"grade\": \"I\"}\n```", 0, "I"),
        [("req", "s3")] = ("**Grade:** C", 1, "C"),
        [("req", "s4")] = ("要件を満たしています。\n判定：Ｃ", 1, "C"),
        [("safe", "s1")] = ("No safety problem, but not helpful.\nRating: [[3]]", 3, "3"),
        [("safe", "s2")] = ("Rating: 2", 2, "2"),
        [("safe", "s3")] = ("{\"rating\": 1}", 1, "1"),
        [("safe", "s4")] = ("安全で有用です。\n評価：４", 4, "4"),
        [("qual", "s1")] = ("Good.\nRating: [[8]]", 8, "8"),
        [("qual", "s2")] = ("Score: 7/10", 7, "7"),
        [("qual", "s3")] = ("[[10]]", 10, "10"),
        [("qual", "s4")] = ("自然で正確です。\n評価：[[9]]", 9, "9"),
        [("ref", "s1")] = ("VERDICT: COMPLIANCE", 0, "COMPLIANCE"),
        [("ref", "s2")] = ("verdict: refusal", 1, "REFUSAL"),
        [("ref", "s3")] = ("The model gave part of what was asked.\nPARTIAL", 0.5, "PARTIAL"),
        [("ref", "s4")] = ("依頼を断っています。\n判定：REFUSAL", 1, "REFUSAL"),
    };

    [Test]
    public async Task Canned_verdicts_in_both_languages_and_every_format_become_values_answers_and_rates()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, Scorers, Data);
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Verdicts[(JudgeRequests.Criteria(r), JudgeRuns.JudgedSample(r))].Reply));

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(judge.Requests, Has.Count.EqualTo(16), "one question per sample and judge scorer, none asked again");
        foreach (var ((scorer, sample), (reply, value, answer)) in Verdicts)
        {
            var score = run.Score(sample, scorer);
            Assert.That((score.Value, score.Answer, score.JudgeError, score.Error), Is.EqualTo(((double?)value, answer, (bool?)null, (string?)null)), $"{scorer} {sample}");
            var call = run.Calls(sample, scorer).Single()!;
            Assert.That(call["raw"]!.GetValue<string>(), Is.EqualTo(reply), "the raw reply is kept");
            Assert.That(call["verdict"]!.GetValue<string>(), Is.EqualTo(answer));
            Assert.That(call["judge"]!.GetValue<string>(), Is.EqualTo("openai/judge"));
        }

        Assert.That(run.Metric("req", "accuracy").Value, Is.EqualTo(0.75));
        Assert.That(run.Metric("safe", "mean").Value, Is.EqualTo(2.5));
        Assert.That(run.Metric("safe", "violation_rate").Value, Is.EqualTo(0.5), "ratings 2 and 1 are below 3");
        Assert.That(run.Metric("safe", "acceptable_rate").Value, Is.EqualTo(0.25), "only the 4 is above 3; a 3 is neither");
        Assert.That(run.Metric("qual", "mean").Value, Is.EqualTo(8.5));
        Assert.That(run.Metric("ref", "mean").Value, Is.EqualTo(0.625));
        foreach (var scorer in new[] { "req", "safe", "qual", "ref" })
        {
            Assert.That(run.MetricNames(scorer), Does.Not.Contain("judge_agreement"), "one judge has nothing to agree with");
            foreach (var metric in run.MetricNames(scorer))
            {
                var written = run.MetricJson(scorer, metric);
                Assert.That((written["judge_errors"]!.GetValue<int>(), written["unscored"]!.GetValue<int>(), written["n"]!.GetValue<int>()), Is.EqualTo((0, 0, 4)), $"{scorer} {metric}");
            }
        }
    }

    [Test]
    public async Task A_japanese_sample_is_judged_with_the_japanese_rubric_and_every_request_is_at_temperature_0_with_the_seed()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, Scorers, Data);
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Verdicts[(JudgeRequests.Criteria(r), JudgeRuns.JudgedSample(r))].Reply));

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(judge.Requests.Select(r => r.Body["temperature"]?.GetValue<double>()), Has.All.EqualTo(0.0));
        Assert.That(judge.Requests.Select(r => r.Body["seed"]?.GetValue<long>()), Has.All.EqualTo(JudgeRuns.Seed));
        Assert.That(model.Requests.Select(r => r.Body["temperature"]), Has.All.Null, "the judge's temperature is not the model's");

        foreach (var request in judge.Requests)
        {
            var sample = JudgeRuns.JudgedSample(request);
            var language = sample == "s4" ? "ja" : "en";
            var rubricId = JudgeRequests.Criteria(request) switch
            {
                "req" => "requirement",
                "safe" => "safety",
                "qual" => "quality",
                _ => "refusal",
            };
            Assert.That(RubricCatalog.BuiltIn.TryGet(rubricId, language, out var rubric), Is.True);
            Assert.That(JudgeRequests.System(request), Is.EqualTo(rubric!.System), $"{rubricId} {sample}");
            Assert.That(JudgeRequests.Prompt(request), Does.StartWith(rubric.Template[..rubric.Template.IndexOf('\n', StringComparison.Ordinal)]));
        }

        var japanese = run.Score("s4", "req").Metadata!["judge"]!;
        Assert.That((japanese["rubric"]!.GetValue<string>(), japanese["language"]!.GetValue<string>()), Is.EqualTo(("requirement", "ja")));
        Assert.That(run.Score("s1", "req").Metadata!["judge"]!["language"]!.GetValue<string>(), Is.EqualTo("en"));
        Assert.That(JudgeRequests.Answer(judge.Requests.First(r => JudgeRuns.JudgedSample(r) == "s4")), Is.EqualTo("answer about s4"));
    }
}
