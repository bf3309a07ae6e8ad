using EvalHarness.Models;

namespace EvalHarness.Tests.Support;

/// <summary>
/// A target whose requests never return and ignore cancellation, as a client stuck below the
/// cancellation token (a socket read without a timeout) would behave. Answers the first
/// <paramref name="answered"/> requests normally.
/// </summary>
internal sealed class HungModel(ModelInfo info, int answered = 0) : IModel
{
    private readonly TaskCompletionSource<Generation> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ModelInfo Info => info;

    public Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) <= answered ? Task.FromResult(new Generation("2", "stop")) : _never.Task;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
