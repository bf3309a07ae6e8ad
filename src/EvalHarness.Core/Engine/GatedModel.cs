using EvalHarness.Engine.Concurrency;
using EvalHarness.Models;

namespace EvalHarness.Engine;

/// <summary>
/// Holds a slot of its own controller for each request, so a role's calls (a judge's) are limited by the
/// role's concurrency and never by, or against, the model under evaluation's.
/// </summary>
internal sealed class GatedModel : IModel
{
    private readonly IModel _inner;
    private readonly IConcurrencyController _gate;

    public GatedModel(IModel inner, IConcurrencyController gate)
    {
        _inner = inner;
        _gate = gate;
    }

    public ModelInfo Info => _inner.Info;

    public async Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        using var slot = await _gate.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
