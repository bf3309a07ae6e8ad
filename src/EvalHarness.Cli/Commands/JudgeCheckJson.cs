using System.Text.Json.Nodes;
using EvalHarness.Infrastructure;
using EvalHarness.Judges.Agreement;
using EvalHarness.Judges.Calibration;
using EvalHarness.Metrics;

namespace EvalHarness.Cli.Commands;

/// <summary>judge-check.json: every statistic of the check and each item's verdicts, for tools and for the record.</summary>
internal static class JudgeCheckJson
{
    public const string Schema = "evalharness.judge-check/1";

    public static JsonObject Build(JudgeCheckFacts facts)
    {
        var report = facts.Report;
        var root = new JsonObject
        {
            ["schema"] = Schema,
            ["harness"] = HarnessInfo.Current.ToString(),
            ["created"] = facts.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["judges"] = Judges(facts),
            ["files"] = Array(facts.Files.Select(f => (JsonNode?)JsonValue.Create(f))),
            ["confidence"] = report.Confidence,
            ["kappa"] = JudgeCheckFormat.KappaMeaning,
            ["kappa_interval"] = CohenKappaInterval.Method,
            ["accuracy_interval"] = "wilson",
            ["min_kappa"] = facts.MinKappa,
            ["passed"] = facts.Passed,
            ["overall"] = Statistics(report.Overall),
            ["by_language"] = Array(report.ByLanguage.Select(Statistics)),
            ["by_hardness"] = Array(report.ByHardness.Select(Statistics)),
            ["rubrics"] = Array(report.Rubrics.Select(r => (JsonNode?)new JsonObject
            {
                ["rubric"] = r.Rubric.Id,
                ["source"] = r.Rubric.IsBuiltIn ? "built-in" : "file",
                ["labels"] = Array(r.Rubric.Categories.Select(c => (JsonNode?)JsonValue.Create(c))),
                ["weighting"] = Weighting(r.Rubric.Weighting),
                ["all"] = Statistics(r.All),
                ["by_language"] = Array(r.ByLanguage.Select(Statistics)),
                ["by_hardness"] = Array(r.ByHardness.Select(Statistics)),
            })),
            ["judge_errors"] = Array(report.Outcomes.Where(o => !o.Judged).Select(o => (JsonNode?)new JsonObject { ["id"] = o.Item.Id, ["error"] = o.JudgeError })),
            ["items"] = Array(report.Outcomes.Select(Item)),
        };
        return root;
    }

    /// <summary>One line of judge-calls.jsonl: the item, the verdicts, and every request and raw reply of its judges.</summary>
    public static JsonObject Calls(ItemOutcome outcome, JsonObject? judge)
    {
        var line = Item(outcome)!.AsObject();
        line["judge_calls"] = judge;
        return line;
    }

    private static JsonNode? Item(ItemOutcome outcome)
    {
        var item = outcome.Item;
        var node = new JsonObject
        {
            ["id"] = item.Id,
            ["file"] = item.File,
            ["line"] = item.Line,
            ["rubric"] = item.Rubric,
            ["language"] = item.Language,
            ["hard"] = item.Hard,
            ["human"] = item.Label,
        };
        if (outcome.Judged)
        {
            node["judge"] = outcome.JudgeLabel;
            node["agrees"] = outcome.Agrees;
        }
        else
        {
            node["judge_error"] = outcome.JudgeError;
        }

        return node;
    }

    private static JsonObject? Judges(JudgeCheckFacts facts)
    {
        if (facts.Judges is not { } role)
        {
            return null;
        }

        var node = new JsonObject
        {
            ["models"] = Array(role.Models.Select(m => (JsonNode?)new JsonObject
            {
                ["spec"] = m.Spec,
                ["provider"] = m.Provider,
                ["name"] = m.Name,
                ["base_url"] = m.BaseUrl,
                ["live"] = m.Live,
            })),
            ["vote"] = role.Vote,
            ["settings"] = new JsonObject
            {
                ["temperature"] = role.Settings.Temperature,
                ["max_tokens"] = role.Settings.MaxTokens,
                ["seed"] = role.Settings.Seed,
            },
            ["max_connections"] = role.MaxConnections,
        };
        return node;
    }

    private static JsonNode? Statistics(AgreementStatistics statistics)
    {
        var node = new JsonObject
        {
            ["group"] = statistics.Group,
            ["items"] = statistics.Items,
            ["judge_errors"] = statistics.JudgeErrors,
            ["n"] = statistics.N,
            ["agreements"] = statistics.Agreements,
            ["accuracy"] = statistics.Accuracy,
            ["accuracy_ci"] = Interval(statistics.AccuracyInterval),
        };
        if (statistics.Kappa is { } kappa)
        {
            node["kappa"] = kappa.Value;
            node["kappa_undefined"] = kappa.Reason;
            node["weighting"] = Weighting(statistics.Weighting);
            node["kappa_se"] = statistics.KappaInterval?.StandardError;
            node["kappa_ci"] = Interval(statistics.KappaInterval?.Interval);
        }

        if (statistics.Confusion is { } confusion)
        {
            node["confusion"] = new JsonObject
            {
                ["rows"] = "human",
                ["columns"] = "judge",
                ["labels"] = Array(confusion.Labels.Select(l => (JsonNode?)JsonValue.Create(l))),
                ["counts"] = Array(confusion.Counts.Select(row => (JsonNode?)Array(row.Select(c => (JsonNode?)JsonValue.Create(c))))),
            };
        }

        return node;
    }

    private static JsonObject? Interval(ConfidenceInterval? interval) =>
        interval is null ? null : new JsonObject { ["low"] = interval.Low, ["high"] = interval.High, ["method"] = interval.Method };

    private static string Weighting(KappaWeighting? weighting) => weighting switch
    {
        KappaWeighting.Quadratic => "quadratic",
        KappaWeighting.Linear => "linear",
        _ => "unweighted",
    };

    private static JsonArray Array(IEnumerable<JsonNode?> nodes) => new([.. nodes]);
}
