using System.Text.Json.Nodes;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Models;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using static EvalHarness.Tests.Logs.RunLogTests;

namespace EvalHarness.Tests.Reporting;

/// <summary>Run logs of judged runs, shaped as the judge scorer and the engine write them.</summary>
internal static class JudgedLogs
{
    public const string ScorerId = "req";

    public static readonly string RubricSha256 = string.Concat(Enumerable.Repeat("ab", 32));

    public static ModelInfo DemoJudge { get; } = new("demo", "replay", null, null, false, ModelInfo.DemoJudgeLabel);

    public static ModelInfo LiveJudge(string name) => new("openai/" + name, "openai", name, "https://judges.example/v1", true, ModelInfo.LiveLabel);

    public static RoleHeader Role(params ModelInfo[] judges) =>
        new("judge", judges, "majority", new GenerationSettings { Temperature = 0, Seed = 7, MaxTokens = 2048 });

    /// <summary>One suite scored by a requirement judge (pass/fail), with its rubric's SHA-256.</summary>
    public static SuiteHeader JudgedSuite(int samples) => Suite(samples: samples) with
    {
        Scorers =
        [
            new ScorerHeader(ScorerId, "judge", new JsonObject { ["rubric"] = "requirement" }, ["accuracy"], new ValueRange(0, 1), ScoreKind.PassFail)
            {
                Roles = ["judge"],
                Resources = [new ScorerResource("rubric requirement (en)", "built-in", RubricSha256)],
            },
        ],
    };

    public static RunLog Log(LogHeader header, params Score[] scores) => new()
    {
        Header = header,
        Samples = scores.Select((score, i) => Record($"s{i}", 1, null) with { Scores = new Dictionary<string, Score> { [ScorerId] = score } }).ToList(),
    };

    public static LogHeader Header(int samples, params RoleHeader[] roles) =>
        Logs.RunLogTests.Header(JudgedSuite(samples)) with { Roles = roles.Length == 0 ? null : roles };

    /// <summary>A verdict from one judge: its reply and the label read from it.</summary>
    public static Score Verdict(string judge, string label, string raw) => new()
    {
        Value = label == "C" ? 1 : 0,
        Answer = label,
        Explanation = $"judge {judge} with rubric 'requirement': {label}",
        Metadata = Metadata([judge], Call(judge, 1, raw, label, null)),
    };

    public static Score JudgeError(string judge, string reason) => new()
    {
        Error = "judge error: " + reason,
        JudgeError = true,
        Metadata = Metadata([judge], Call(judge, 1, null, null, reason)),
    };

    public static JsonObject Call(string judge, int attempt, string? raw, string? verdict, string? error)
    {
        var call = new JsonObject
        {
            ["judge"] = judge,
            ["attempt"] = attempt,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "RUBRIC-PROMPT-MARKER" }),
        };
        if (raw is not null)
        {
            call["raw"] = raw;
        }

        if (verdict is not null)
        {
            call["verdict"] = verdict;
        }

        if (error is not null)
        {
            call["error"] = error;
        }

        return call;
    }

    public static JsonObject Metadata(string[] judges, params JsonNode[] calls) => new()
    {
        ["judge"] = new JsonObject
        {
            ["rubric"] = "requirement",
            ["language"] = "en",
            ["rubric_sha256"] = RubricSha256,
            ["vote"] = "majority",
            ["judges"] = new JsonArray([.. judges.Select(j => (JsonNode?)JsonValue.Create(j))]),
            ["calls"] = new JsonArray([.. calls]),
        },
    };
}
