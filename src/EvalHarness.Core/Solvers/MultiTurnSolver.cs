using System.Text.Json;
using EvalHarness.Configuration;
using EvalHarness.Loading;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Solvers;

/// <summary>
/// Plays a conversation: asks the first question (unless a generate step already did), then each follow-up
/// question from the sample's metadata (a JSON list of text, <c>follow_up_turns</c> by default, as the
/// mt-bench-ja format writes it) as a new user message after the model's previous answers. Every turn is
/// recorded on the sample; the last answer is the one scored.
/// </summary>
internal sealed class MultiTurnSolver : ISolver
{
    public const string Name = "multi_turn";

    public const string DefaultKey = "follow_up_turns";

    private readonly string _key;
    private readonly GenerationSettings? _overrides;

    public MultiTurnSolver(string key, GenerationSettings? overrides)
    {
        _key = key;
        _overrides = overrides;
    }

    public static ISolverFactory Factory { get; } = new SolverFactory();

    public SampleProblem? CheckSample(Sample sample) => FollowUps(sample, out var error) is null && error is not null ? new SampleProblem(_key, error) : null;

    public async Task SolveAsync(TaskState state, IGenerator generator, CancellationToken cancellationToken)
    {
        var followUps = FollowUps(state.Sample, out var error) ?? throw new InvalidOperationException(error);
        if (state.Output is null)
        {
            await generator.GenerateAsync(state, _overrides, cancellationToken).ConfigureAwait(false);
        }

        Record(state);
        foreach (var question in followUps)
        {
            state.Turn++;
            state.Messages.Add(new PromptMessage(MessageRoles.User, question));
            await generator.GenerateAsync(state, _overrides, cancellationToken).ConfigureAwait(false);
            Record(state);
        }
    }

    private static void Record(TaskState state)
    {
        // The generator appended the answer last; the question it answered is the user message before it.
        var prompt = state.LastUserIndex is >= 0 and var i ? state.Messages[i].Content : string.Empty;
        state.Turns.Add(new TurnRecord(state.Turn, prompt, state.Output!.Text, state.Output.FinishReason));
    }

    /// <summary>The follow-up questions; none when the key is absent. Null with an error when the value is not a JSON list of text.</summary>
    private List<string>? FollowUps(Sample sample, out string? error)
    {
        error = null;
        if (!sample.Metadata.TryGetValue(_key, out var json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            {
                return doc.RootElement.EnumerateArray().Select(e => e.GetString()!).ToList();
            }
        }
        catch (JsonException)
        {
            // Reported below, like any other value that is not a list of text.
        }

        error = $"metadata '{_key}' must be a JSON list of text (the follow-up questions), not {json}";
        return null;
    }

    private sealed class SolverFactory : ISolverFactory
    {
        public string Name => MultiTurnSolver.Name;

        public string Description => "ask the first question, then each follow-up from metadata (option turns: the key, default follow_up_turns) after the model's answers; records every turn, scores the last; temperature, max_tokens, top_p, seed, stop as for generate";

        public string? ScalarOption => null;

        public ISolver Create(ConfigSection options)
        {
            var key = options.GetString("turns") ?? DefaultKey;
            var settings = GenerationSettingsReader.Read(options);
            return new MultiTurnSolver(key, settings == GenerationSettings.Empty ? null : settings);
        }
    }
}
