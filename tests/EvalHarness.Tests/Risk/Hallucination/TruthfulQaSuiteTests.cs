using EvalHarness.Cli;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Hallucination;

/// <summary>A user's own TruthfulQA-format copy, run through the CLI as the suite README shows (a small file made here, not copied data).</summary>
[TestFixture]
public sealed class TruthfulQaSuiteTests
{
    private const string McFile = """
        [
          {"question": "Which of these is a mammal?", "mc1_targets": {"A whale.": 1, "A shark.": 0, "A trout.": 0}, "mc2_targets": {"A whale.": 1, "A bat.": 1, "A shark.": 0}},
          {"question": "水は何度で凍りますか（1気圧）。", "mc1_targets": {"0度": 1, "10度": 0}}
        ]
        """;

    [Test]
    public async Task An_mc_copy_runs_through_multiple_choice_and_truthfulqa_mc()
    {
        using var dir = new TempDirectory();
        dir.File("mc_task.json", McFile);
        var suite = dir.File("suite.yaml", """
            name: truthfulqa-mc
            language: en
            dataset: {path: mc_task.json, format: truthfulqa}
            solver: [multiple_choice]
            scorers: [truthfulqa_mc]
            group_by: [truthfulqa_task]
            """);

        var validate = await CliRun.InvokeAsync(["validate", suite]);
        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Ok), validate.All);

        // Answer every MC1 question with the option that is true and the MC2 question with only one of its two true options.
        await using var server = await FakeOpenAiServer.StartAsync(request =>
        {
            var prompt = request.LastUserMessage;
            var lines = prompt.Split('\n');
            string Letter(string text) => lines.First(l => l.EndsWith(text, StringComparison.Ordinal)).TrimStart()[..1];
            return FakeReply.Answer(prompt.Contains("whale", StringComparison.Ordinal) && prompt.Contains("bat", StringComparison.Ordinal)
                ? $"ANSWER: {Letter("A whale.")}"
                : prompt.Contains("whale", StringComparison.Ordinal) ? $"ANSWER: {Letter("A whale.")}" : $"答え：{Letter(") 0度")}");
        });
        var output = dir.Combine("run");
        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", output],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test-truthfulqa", ["EVALH_CACHE_DIR"] = dir.Combine("cache") });
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);

        var results = ResultsFile.Read(Path.Combine(output, "results.json"));
        var suiteResults = results.Suites.Single();
        // MC1: 1 and 1; MC2: one of two true options and nothing false: precision 1, recall 1/2, F1 2/3.
        var mean = suiteResults.Metrics.Single(m => m.Scorer == "truthfulqa_mc" && m.Metric == "mean");
        Assert.That(mean.Value, Is.EqualTo((1 + 1 + (2 / 3.0)) / 3).Within(1e-12));
        Assert.That(suiteResults.Groups.Single(g => g.Value == "mc2").Metrics.Single().Value, Is.EqualTo(2 / 3.0).Within(1e-12));
    }

    [Test]
    public async Task A_bad_copy_is_refused_with_file_line_and_field_before_anything_runs()
    {
        using var dir = new TempDirectory();
        dir.File("JTruthfulQA.csv", "Type,Category,Question,Original Answer,Correct Answers,Incorrect Answers\nfact,x,Q?,A,\"['a', 'b'\",\"['c']\"\n");
        var suite = dir.File("suite.yaml", """
            name: jtqa
            language: ja
            dataset: {path: JTruthfulQA.csv, format: truthfulqa}
            scorers: [{name: judge, id: truthful, options: {rubric: requirement}}]
            """);

        var run = await CliRun.InvokeAsync(["validate", suite]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
            Assert.That(run.All, Does.Contain("JTruthfulQA.csv:2").And.Contain("field 'Correct Answers'"));
        }
    }
}
