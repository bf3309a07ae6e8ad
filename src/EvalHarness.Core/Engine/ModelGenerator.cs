using EvalHarness.Suites;
using EvalHarness.Solvers;
using EvalHarness.Models;

namespace EvalHarness.Engine;

/// <summary>Connects solver steps to the target, measuring latency and accumulating usage on the state.</summary>
internal sealed class ModelGenerator : IGenerator
{
    private readonly IModel _target;
    private readonly TimeProvider _time;

    public ModelGenerator(IModel target, TimeProvider time)
    {
        _target = target;
        _time = time;
    }

    public async Task GenerateAsync(TaskState state, GenerationSettings? stepSettings, CancellationToken cancellationToken)
    {
        var messages = state.Messages.ToArray();
        var request = new GenerationRequest(state.Suite, state.Sample.Id, state.Epoch, messages, state.Settings.With(stepSettings), state.Turn);
        var started = _time.GetTimestamp();
        Generation generation;
        try
        {
            generation = await _target.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelException ex)
        {
            state.Latency += _time.GetElapsedTime(started);
            state.LastRequest = messages;
            state.Attempts += ex.Attempts;
            state.Retries.AddRange(ex.Retries ?? []);
            throw;
        }

        state.Latency += _time.GetElapsedTime(started);
        state.LastRequest = messages;
        state.Output = generation;
        state.Usage = TokenUsage.Add(state.Usage, generation.Usage);
        state.Attempts += generation.Attempts;
        state.Retries.AddRange(generation.Retries ?? []);
        state.Messages.Add(new PromptMessage(MessageRoles.Assistant, generation.Text));
    }
}
