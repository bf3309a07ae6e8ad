using EvalHarness.Models;

namespace EvalHarness.Tests.Support;

/// <summary>A live target that answers every request with its call number, so a test can tell a fresh answer from a stored one.</summary>
internal sealed class CountingModel(ModelInfo info) : IModel
{
    private int _calls;

    public static ModelInfo LiveInfo(string spec = "openai/m", string baseUrl = "http://127.0.0.1:9/v1") =>
        new(spec, "openai", spec.Split('/')[^1], baseUrl, true, ModelInfo.LiveLabel);

    public int Calls => Volatile.Read(ref _calls);

    public ModelInfo Info => info;

    public Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        return Task.FromResult(new Generation("answer " + call, "stop"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
