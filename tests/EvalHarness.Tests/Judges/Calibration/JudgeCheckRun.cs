using System.Text.Json.Nodes;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.Calibration;

/// <summary>
/// `evalh judge-check` in-process against a judge on 127.0.0.1 that answers each item (known by the answer the
/// judge is shown) with a scripted verdict, and what it wrote.
/// </summary>
internal sealed record JudgeCheckRun(CliRun Cli, string Output)
{
    public const string JudgeKey = "sk-judge-check-test-7f3a9c1e5b2d";

    /// <summary>A judge that replies "GRADE: verdict" for the answers in <paramref name="verdicts"/> and a reply without any verdict otherwise.</summary>
    public static FakeReply Judge(FakeRequest request, IReadOnlyDictionary<string, string> verdicts) =>
        FakeReply.Answer(verdicts.TryGetValue(JudgeRequests.Answer(request), out var verdict)
            ? $"The answer was read with care.\nGRADE: {verdict}"
            : "I cannot decide about this one.");

    public JsonObject Json => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "judge-check.json")))!;

    public string Markdown => File.ReadAllText(Path.Combine(Output, "judge-check.md"));

    public IReadOnlyList<JsonObject> Calls => File.ReadAllLines(Path.Combine(Output, "judge-calls.jsonl")).Select(l => (JsonObject)JsonNode.Parse(l)!).ToList();

    /// <summary>The statistics of one rubric from judge-check.json.</summary>
    public JsonObject Rubric(string id) => Json["rubrics"]!.AsArray().Single(r => r!["rubric"]!.GetValue<string>() == id)!.AsObject();

    /// <summary>Checks with one judge (openai/judge-model) and no response cache.</summary>
    public static Task<JudgeCheckRun> RunAsync(TempDirectory dir, FakeOpenAiServer judge, params string[] arguments) =>
        RunWithAsync(dir, judge, ["--judge", "openai/judge-model", "--no-cache", .. arguments]);

    /// <summary>Checks with the judge flags in <paramref name="arguments"/>, the response cache in the test's directory.</summary>
    public static async Task<JudgeCheckRun> RunWithAsync(TempDirectory dir, FakeOpenAiServer judge, string[] arguments)
    {
        var output = dir.Combine("check-" + Guid.NewGuid().ToString("N")[..6]);
        string[] args = ["judge-check", .. arguments, "--judge-base-url", judge.BaseUrl.ToString(), "--out", output];
        var cli = await CliRun.InvokeAsync(args, new Dictionary<string, string> { ["OPENAI_API_KEY"] = JudgeKey, ["EVALH_CACHE_DIR"] = dir.Combine("cache") });
        return new JudgeCheckRun(cli, output);
    }
}
