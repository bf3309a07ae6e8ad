using System.Globalization;
using System.Text.RegularExpressions;
using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Rescoring;

/// <summary>
/// A suite whose answers a judge grades (scorer id <c>req</c>), the model and judge endpoints it is run
/// against, and the commands a user types: a run, then <c>evalh score</c> on it.
/// </summary>
internal static partial class JudgedSuite
{
    public const int Samples = 6;

    public const string JudgeSpec = "openai/judge-model";

    /// <summary>A rubric file a user writes beside the suite: the judge answers C (met) or I (not met).</summary>
    public const string Rubric = """
        ---
        id: strict
        language: en
        description: Does the answer meet the requirement? C = met, I = not met.
        verdict:
          kind: labels
          labels:
            C: 1
            I: 0
        requires: [requirement]
        ---
        Decide whether the answer meets the requirement.

        <question>
        {input}
        </question>

        <answer>
        {output}
        </answer>

        <requirement>
        {requirement}
        </requirement>

        End with a last line "GRADE: " and the letter C or I.
        """;

    /// <summary>Writes the suite; <paramref name="rubric"/> is a built-in rubric id or a file name beside the suite.</summary>
    public static string Write(TempDirectory dir, string rubric = "requirement")
    {
        var data = string.Concat(Enumerable.Range(1, Samples).Select(i =>
            $"{{\"id\": \"s{i}\", \"input\": \"Question {i}: name a colour.\", \"target\": \"red\", \"requirement\": \"The answer names a colour.\"}}\n"));
        if (rubric.EndsWith(".md", StringComparison.Ordinal))
        {
            dir.File(Path.Combine("suite", rubric), Rubric);
        }

        return SuiteFiles.Write(dir, $"""
            name: judged
            language: en
            dataset: data.jsonl
            scorers:
              - includes
              - id: req
                name: judge
                options:
                  rubric: {rubric}
            """, "data.jsonl", data);
    }

    /// <summary>The model under evaluation: answers every question with a colour.</summary>
    public static FakeReply Model(FakeRequest request) => FakeReply.Answer($"For question {QuestionOf(request)} the colour is red.");

    /// <summary>A working judge: the requirement is met.</summary>
    public static FakeReply Judge(FakeRequest request) => FakeReply.Answer("The answer names a colour.\nGRADE: C");

    /// <summary>The question number a judge request (or a model request) is about.</summary>
    public static int QuestionOf(FakeRequest request) =>
        int.Parse(Question().Match(string.Concat(request.Messages.Select(m => m?["content"]?.ToString()))).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Runs the suite against the model server, judged by the judge server (no retries, so an outage is quick).</summary>
    public static async Task<string> RunAsync(TempDirectory dir, string suite, FakeOpenAiServer model, FakeOpenAiServer judge, string name = "run")
    {
        var output = dir.Combine(name);
        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/answer-model", "--base-url", model.BaseUrl.ToString(), "--judge", JudgeSpec, "--judge-base-url", judge.BaseUrl.ToString(), "--max-retries", "0", "--no-cache", "--out", output]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        return output;
    }

    /// <summary><c>evalh score</c> on <paramref name="run"/> with the judge at <paramref name="judge"/> and any further arguments.</summary>
    public static Task<CliRun> ScoreAsync(string run, string output, FakeOpenAiServer? judge, params string[] more) => CliRun.InvokeAsync(
    [
        "score", run, "--out", output, "--max-retries", "0", "--no-cache",
        .. judge is null ? Array.Empty<string>() : ["--judge", JudgeSpec, "--judge-base-url", judge.BaseUrl.ToString()],
        .. more,
    ]);

    [GeneratedRegex(@"Question (\d+):")]
    private static partial Regex Question();
}
