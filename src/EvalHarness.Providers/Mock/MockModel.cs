using EvalHarness.Models;

namespace EvalHarness.Providers.Mock;

/// <summary>
/// A scripted in-process target for tests and dry runs. The script sees each request and returns the
/// answer (or throws a <see cref="ModelException"/> to simulate a failure).
/// </summary>
public sealed class MockModel : IModel
{
    private readonly Func<GenerationRequest, CancellationToken, Task<Generation>> _script;
    private int _calls;

    public MockModel(Func<GenerationRequest, CancellationToken, Task<Generation>> script, string spec = "mock")
    {
        _script = script;
        Info = new ModelInfo(spec, "mock", null, null, Live: false, "scripted mock target, not a live model");
    }

    public MockModel(Func<GenerationRequest, string> script, string spec = "mock")
        : this((request, _) => Task.FromResult(new Generation(script(request), "stop", new TokenUsage(10, 5, 15), "mock")), spec)
    {
    }

    public ModelInfo Info { get; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Answers with the last user message, unchanged: the CLI's <c>--model mock</c>.</summary>
    public static MockModel Echo() =>
        new(request => request.Messages.LastOrDefault(m => m.Role == EvalHarness.Suites.MessageRoles.User)?.Content ?? string.Empty, "mock");

    public Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return _script(request, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
