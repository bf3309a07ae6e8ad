using System.Text.RegularExpressions;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>
/// Runs `evalh run` in-process against a scripted model endpoint and a scripted judge endpoint, both on
/// 127.0.0.1, with a response cache of the test's own.
/// </summary>
internal static partial class JudgeRuns
{
    public const string ModelKey = "sk-model-judge-e2e-2c4e6a8b0d1f";

    public const int Seed = 7;

    /// <summary>The model under evaluation answers "answer about sN" to "question about sN".</summary>
    public static FakeReply Answer(FakeRequest request) =>
        FakeReply.Answer("answer about " + SampleId(request.LastUserMessage));

    /// <summary>The sample a question or answer is about ("sN").</summary>
    public static string SampleId(string text) => SampleTag().Match(text) is { Success: true } m
        ? m.Value
        : throw new InvalidOperationException("no sample id in: " + text);

    /// <summary>The sample a judge request is about, from the answer it shows.</summary>
    public static string JudgedSample(FakeRequest request) => SampleId(JudgeRequests.Answer(request));

    public static async Task<JudgedRun> RunAsync(TempDirectory dir, string suite, FakeOpenAiServer model, FakeOpenAiServer? judge, string[] arguments, string output = "run", IDictionary<string, string>? variables = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = ModelKey,
            ["EVALH_CACHE_DIR"] = dir.Combine("cache"),
        };
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        string[] args =
        [
            "run", suite, "--model", "openai/model-under-test", "--base-url", model.BaseUrl.ToString(), "--out", dir.Combine(output),
            "--seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. judge is null ? [] : new[] { "--judge-base-url", judge.BaseUrl.ToString() },
            .. arguments,
        ];
        var cli = await CliRun.InvokeAsync(args, environment);
        return new JudgedRun(cli, dir.Combine(output));
    }

    [GeneratedRegex(@"\bs\d+\b")]
    private static partial Regex SampleTag();
}
