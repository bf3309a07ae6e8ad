using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Judges.Panels;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Judges.Verdicts;
using EvalHarness.Models;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Judges.Scoring;

/// <summary>
/// Asks the run's judge (or each judge of a panel) to grade the answer with a rubric, reads the verdict,
/// asks again when a reply holds none, and combines a panel's verdicts. A judge that fails or never gives a
/// readable verdict is a judge error for the sample: neither pass nor fail, and completed later by
/// <c>evalh score</c>. Every request and raw reply is kept in the score's metadata.
/// </summary>
internal sealed class JudgeScorer : IScorer
{
    private readonly IReadOnlyDictionary<string, Rubric> _rubrics;
    private readonly Rubric _default;
    private readonly JudgeOptions _options;
    private readonly IModelRoles _roles;

    /// <param name="rubrics">The rubric in each language it exists in; <paramref name="fallback"/> when the sample's language has none.</param>
    public JudgeScorer(IReadOnlyDictionary<string, Rubric> rubrics, Rubric fallback, JudgeOptions options, IModelRoles roles)
    {
        _rubrics = rubrics;
        _default = fallback;
        _options = options;
        _roles = roles;
        Meaning = JudgeMeaning.Of(fallback);
        DefaultMetrics = JudgeMeaning.DefaultMetrics(fallback);
        Resources = rubrics.Values.Select(r => new ScorerResource($"rubric {r.Id} ({r.Language})", r.Source, r.Sha256)).ToList();
    }

    public ScoreMeaning Meaning { get; }

    public IReadOnlyList<string> DefaultMetrics { get; }

    public IReadOnlyList<string> Roles { get; } = [ModelRole.Judge];

    public IReadOnlyList<ScorerResource> Resources { get; }

    public SampleProblem? CheckSample(Sample sample)
    {
        var rubric = RubricFor(sample);
        foreach (var field in rubric.Requires)
        {
            var missing = field switch
            {
                RubricFields.Target => sample.Targets.All(string.IsNullOrWhiteSpace),
                RubricFields.Requirement => string.IsNullOrWhiteSpace(sample.Metadata.GetValueOrDefault(_options.RequirementField)),
                RubricFields.Context => string.IsNullOrWhiteSpace(sample.Metadata.GetValueOrDefault(_options.ContextField)),
                _ => false,
            };
            if (missing)
            {
                var where = field == RubricFields.Target ? "target" : field == RubricFields.Requirement ? _options.RequirementField : _options.ContextField;
                return new SampleProblem(where, $"the judge's rubric '{rubric.Id}' needs the sample's {field} ('{where}'), and this sample has none");
            }
        }

        return null;
    }

    public async Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var rubric = RubricFor(input.Sample);
        var role = _roles.Resolve(ModelRole.Judge);
        if (!role.IsBound)
        {
            return JudgeError(rubric, role, [], "no judge configured: run with --judge <model>, or complete these verdicts later with evalh score --judge <model>");
        }

        var prompt = rubric.Render(new RubricInput(Question(input.Messages), input.Output)
        {
            Targets = input.Sample.Targets,
            Requirement = input.Sample.Metadata.GetValueOrDefault(_options.RequirementField),
            Context = input.Sample.Metadata.GetValueOrDefault(_options.ContextField),
            Criteria = _options.Criteria,
        });
        if (!prompt.IsValid)
        {
            return Score.Failed(prompt.Error!);
        }

        List<PromptMessage> messages = prompt.System is { } system
            ? [new(MessageRoles.System, system), new(MessageRoles.User, prompt.User!)]
            : [new(MessageRoles.User, prompt.User!)];
        var asked = await Task.WhenAll(role.Models.Select(judge => AskAsync(judge, rubric, messages, role, input, cancellationToken))).ConfigureAwait(false);
        var calls = asked.SelectMany(a => a.Calls).ToList();
        var verdicts = asked.Select(a => a.Verdict).ToList();
        var vote = Enum.TryParse<PanelVote>(role.Vote, ignoreCase: true, out var parsed) ? parsed : PanelVote.Majority;
        var panel = JudgePanel.Combine(verdicts, vote, rubric.Verdict);
        if (!panel.IsValid)
        {
            // A lone judge's own reason reads better than the panel's summary of it ("no judge gave a usable verdict (1 failed; …)").
            var reason = verdicts.Count == 1 ? verdicts[0].Error ?? panel.Error! : panel.Error!;
            return JudgeError(rubric, role, calls, reason) with { Values = PerJudge(role, verdicts) };
        }

        return new Score
        {
            Value = panel.Value,
            Answer = panel.Label ?? panel.Value!.Value.ToString("0.###", CultureInfo.InvariantCulture),
            Explanation = Explain(role, rubric, panel, verdicts),
            Values = PerJudge(role, verdicts),
            Metadata = Metadata(rubric, role, calls, panel),
        };
    }

    private Rubric RubricFor(Sample sample)
    {
        var language = _options.Language == JudgeOptions.Auto ? sample.Language : _options.Language;
        return _rubrics.TryGetValue(language.Split('-')[0].ToLowerInvariant(), out var rubric) ? rubric : _default;
    }

    /// <summary>What the model was asked: its last user message (the question the rubric shows the judge).</summary>
    private static string Question(IReadOnlyList<PromptMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == MessageRoles.User)
            {
                return messages[i].Content;
            }
        }

        return string.Empty;
    }

    private async Task<(VerdictParse Verdict, List<JudgeCall> Calls)> AskAsync(IModel judge, Rubric rubric, List<PromptMessage> messages, ModelRole role, ScoreInput input, CancellationToken cancellationToken)
    {
        var calls = new List<JudgeCall>();
        var conversation = new List<PromptMessage>(messages);
        for (var attempt = 1; ; attempt++)
        {
            var request = new GenerationRequest(input.Suite, input.Sample.Id, input.Epoch, [.. conversation], role.Settings) { Scorer = input.ScorerId };
            Generation answer;
            try
            {
                answer = await judge.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelException ex)
            {
                // Transient failures were already retried by the judge's own retry layer: this is an outage.
                var failed = VerdictParse.Failed($"the judge {judge.Info.Spec} failed: {ex.Message}");
                calls.Add(new JudgeCall(judge.Info.Spec, attempt, request.Messages, null, null, null, failed.Error, false));
                return (failed, calls);
            }

            var verdict = rubric.Verdict.Parse(answer.Text);
            calls.Add(new JudgeCall(judge.Info.Spec, attempt, request.Messages, answer.Text, verdict.Label ?? Number(verdict.Value), verdict.Value, verdict.Error, answer.Cached));
            if (verdict.IsValid || attempt > _options.Retries)
            {
                return (verdict, calls);
            }

            conversation.Add(new PromptMessage(MessageRoles.Assistant, answer.Text));
            conversation.Add(new PromptMessage(MessageRoles.User, JudgePrompts.Reask(rubric)));
        }
    }

    private static Score JudgeError(Rubric rubric, ModelRole role, List<JudgeCall> calls, string reason) => new()
    {
        Error = "judge error: " + reason,
        JudgeError = true,
        Metadata = Metadata(rubric, role, calls, null),
    };

    /// <summary>Each judge's value under its spec; when the panel names one spec twice, under "spec#position", so the key stays the same from sample to sample.</summary>
    private static Dictionary<string, double>? PerJudge(ModelRole role, List<VerdictParse> verdicts)
    {
        if (role.Models.Count < 2)
        {
            return null;
        }

        var specs = role.Models.Select(m => m.Info.Spec).ToList();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < verdicts.Count; i++)
        {
            var key = specs.Count(s => s == specs[i]) > 1 ? $"{specs[i]}#{i + 1}" : specs[i];
            if (verdicts[i].Value is { } value)
            {
                values[key] = value;
            }
        }

        return values;
    }

    private static string Explain(ModelRole role, Rubric rubric, PanelVerdict panel, List<VerdictParse> verdicts)
    {
        var verdict = panel.Label ?? Number(panel.Value);
        if (role.Models.Count == 1)
        {
            return $"judge {role.Models[0].Info.Spec} with rubric '{rubric.Id}': {verdict}";
        }

        var tally = string.Join(", ", panel.Counts.Select(c => $"{c.Label ?? Number(c.Value)} {c.Count.ToString(CultureInfo.InvariantCulture)}"));
        var failed = verdicts.Count(v => !v.IsValid);
        return $"panel of {role.Models.Count} judges ({role.Vote}) with rubric '{rubric.Id}': {verdict} ({tally}" + (failed > 0 ? $"; {failed} without a verdict)" : ")");
    }

    private static JsonObject Metadata(Rubric rubric, ModelRole role, List<JudgeCall> calls, PanelVerdict? panel)
    {
        var judge = new JsonObject
        {
            ["rubric"] = rubric.Id,
            ["language"] = rubric.Language,
            ["rubric_sha256"] = rubric.Sha256,
            ["vote"] = role.Vote,
            ["judges"] = new JsonArray([.. role.Models.Select(m => (JsonNode?)JsonValue.Create(m.Info.Spec))]),
            ["calls"] = new JsonArray([.. calls.Select(c => (JsonNode?)Call(c))]),
        };
        if (panel is not null && role.Models.Count > 1)
        {
            judge["counts"] = new JsonObject(panel.Counts.Select(c => KeyValuePair.Create(c.Label ?? Number(c.Value)!, (JsonNode?)c.Count)));
        }

        return new JsonObject { ["judge"] = judge };
    }

    private static JsonObject Call(JudgeCall call)
    {
        var node = new JsonObject
        {
            ["judge"] = call.Judge,
            ["attempt"] = call.Attempt,
            ["messages"] = new JsonArray([.. call.Messages.Select(m => (JsonNode?)new JsonObject { ["role"] = m.Role, ["content"] = m.Content })]),
        };
        AddIf(node, "raw", call.Raw);
        AddIf(node, "verdict", call.Verdict);
        if (call.Value is { } value)
        {
            node["value"] = value;
        }

        AddIf(node, "error", call.Error);
        if (call.Cached)
        {
            node["cached"] = true;
        }

        return node;
    }

    private static void AddIf(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    private static string? Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);
}
