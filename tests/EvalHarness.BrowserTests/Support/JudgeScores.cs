using System.Text.Json.Nodes;
using EvalHarness.Scoring;

namespace EvalHarness.BrowserTests.Support;

/// <summary>Scores shaped as the judge scorer writes them: each call to each judge kept in the metadata under "judge".</summary>
internal static class JudgeScores
{
    public const string Rubric = "requirement";

    public static readonly string RubricSha256 = string.Concat(Enumerable.Repeat("5e", 32));

    /// <summary>One request to one judge: its reply (null when the call failed), the verdict read from it, or why none was.</summary>
    public sealed record Call(string Judge, int Attempt, string? Raw, string? Verdict, string? Error = null);

    public static Score Verdict(double value, string label, IReadOnlyList<string> judges, params Call[] calls) => new()
    {
        Value = value,
        Answer = label,
        Explanation = $"panel of {judges.Count} judges (majority) with rubric '{Rubric}': {label}",
        Metadata = Metadata(judges, calls, calls.Where(c => c.Verdict is not null).GroupBy(c => c.Verdict!).ToDictionary(g => g.Key, g => g.Count())),
    };

    public static Score JudgeError(string reason, IReadOnlyList<string> judges, params Call[] calls) => new()
    {
        Error = "judge error: " + reason,
        JudgeError = true,
        Metadata = Metadata(judges, calls, null),
    };

    private static JsonObject Metadata(IReadOnlyList<string> judges, Call[] calls, Dictionary<string, int>? counts)
    {
        var judge = new JsonObject
        {
            ["rubric"] = Rubric,
            ["language"] = "en",
            ["rubric_sha256"] = RubricSha256,
            ["vote"] = "majority",
            ["judges"] = new JsonArray([.. judges.Select(j => (JsonNode?)JsonValue.Create(j))]),
            ["calls"] = new JsonArray([.. calls.Select(c => (JsonNode?)CallNode(c))]),
        };
        if (counts is not null)
        {
            judge["counts"] = new JsonObject(counts.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        return new JsonObject { ["judge"] = judge };
    }

    private static JsonObject CallNode(Call call)
    {
        var node = new JsonObject
        {
            ["judge"] = call.Judge,
            ["attempt"] = call.Attempt,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Does the answer meet the requirement?" }),
        };
        if (call.Raw is not null)
        {
            node["raw"] = call.Raw;
        }

        if (call.Verdict is not null)
        {
            node["verdict"] = call.Verdict;
            node["value"] = call.Verdict == "C" ? 1 : 0;
        }

        if (call.Error is not null)
        {
            node["error"] = call.Error;
        }

        return node;
    }
}
