using EvalHarness.Models;

namespace EvalHarness.Tests.Support;

/// <summary>A live target whose every attempt is decided by the test: the attempt's number (from 1) and token in, an answer or a failure out.</summary>
internal sealed class ScriptedAttemptsModel(Func<int, CancellationToken, Task<Generation>> attempt) : IModel
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ModelInfo Info { get; } = CountingModel.LiveInfo();

    public Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken) =>
        attempt(Interlocked.Increment(ref _calls), cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
