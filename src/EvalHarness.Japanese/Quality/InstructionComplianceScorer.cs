using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Checks the constraints a prompt states (in its last user message) or the suite configures: length
/// in characters or words, an exact number of list items, JSON, yes/no only, a number only. The value
/// is the share of constraints met. A prompt without any detectable constraint, and nothing configured,
/// is unscored rather than a free pass.
/// </summary>
internal sealed class InstructionComplianceScorer : IScorer
{
    private readonly ComplianceSettings _options;
    private readonly bool _fromPrompt;

    internal InstructionComplianceScorer(ComplianceSettings options, bool fromPrompt)
    {
        _options = options;
        _fromPrompt = fromPrompt;
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public SampleProblem? CheckSample(Sample sample) =>
        ComplianceSettings.FromMetadata(sample.Metadata).Error is { } error
            ? new SampleProblem(ComplianceSettings.MetadataKeys.First(k => error.Contains($"'{k}'", StringComparison.Ordinal)), error)
            : null;

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Judge(input));
        }
        catch (RegexMatchTimeoutException)
        {
            return Task.FromResult(Score.Failed($"reading the prompt's constraints took longer than {ProseText.TimeoutMilliseconds} ms"));
        }
    }

    private Score Judge(ScoreInput input)
    {
        var fromMetadata = ComplianceSettings.FromMetadata(input.Sample.Metadata);
        if (fromMetadata.Error is { } error)
        {
            return Score.Failed(error);
        }

        var configured = fromMetadata.Settings.Over(_options).Constraints();
        var prompt = Prompt(input);
        var (detected, instruction) = _fromPrompt && prompt is not null ? ConstraintDetector.Read(prompt) : ([], null);
        detected.RemoveAll(d => configured.Exists(c => c.Kind == d.Kind));
        var constraints = ConstraintDetector.Distinct(configured.Concat(detected));
        if (constraints.Count == 0)
        {
            return Score.Failed("no constraint found in the prompt (length, list count, JSON, yes/no or number only) and none configured (max_chars, min_chars, bullets, format)");
        }

        var results = constraints.Select(c => ConstraintChecker.Check(c, input.Output)).ToList();
        var met = results.Count(r => r.Passed);
        var parts = results.Select(r => $"[{(r.Passed ? "pass" : "FAIL")}] {r.Constraint.Describe()} ({r.Constraint.Source}): {r.Measured}");
        var note = constraints.Exists(c => c.Kind == ConstraintKind.Characters) ? " (characters are Unicode code points, whitespace not counted)" : string.Empty;
        var explanation = string.Create(CultureInfo.InvariantCulture, $"{met} of {results.Count} constraints met: {string.Join("; ", parts)}{note}");
        return new Score
        {
            Value = (double)met / results.Count,
            Answer = string.Create(CultureInfo.InvariantCulture, $"{met}/{results.Count}"),
            Explanation = explanation,
            Metadata = Metadata(results, input.Output, met, instruction),
        };
    }

    private static string? Prompt(ScoreInput input)
    {
        var messages = input.Messages.Any(m => m.Role == MessageRoles.User) ? input.Messages : input.Sample.Input;
        return messages.LastOrDefault(m => m.Role == MessageRoles.User)?.Content;
    }

    private static JsonObject Metadata(List<ConstraintResult> results, string output, int met, InstructionText? instruction)
    {
        var list = new JsonArray();
        foreach (var r in results)
        {
            list.Add((JsonNode)new JsonObject
            {
                ["kind"] = r.Constraint.Kind.ToString(),
                ["source"] = r.Constraint.Source,
                ["expected"] = r.Constraint.Describe(),
                ["min"] = r.Constraint.Min,
                ["max"] = r.Constraint.Max,
                ["measured"] = r.Measured,
                ["figure"] = r.Figure,
                ["passed"] = r.Passed,
            });
        }

        return new JsonObject
        {
            ["met"] = met,
            ["total"] = results.Count,
            ["characters"] = ConstraintChecker.Characters(output),
            ["constraints"] = list,
            ["ignored_quotations"] = instruction?.Quotations ?? 0,
            ["ignored_passages"] = instruction?.Passages ?? 0,
            ["ignored_code_blocks"] = instruction?.CodeBlocks ?? 0,
        };
    }

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "instruction_compliance";

        public string Description => "constraints stated in the prompt (「100文字以内」, 「3つ挙げて」, 「JSON形式で」, within N characters, ...) or configured (options: max_chars, min_chars, bullets, format: json, from_prompt); share met";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["mean"];

        public ScoreMeaning Meaning { get; } = ScoreMeaning.Graded(ValueRange.Unit);

        public IScorer Create(ScorerContext context) =>
            new InstructionComplianceScorer(ComplianceSettings.FromOptions(context.Options), context.Options.GetBool("from_prompt") ?? true);
    }
}
