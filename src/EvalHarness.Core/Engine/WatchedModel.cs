using EvalHarness.Models;

namespace EvalHarness.Engine;

/// <summary>Tells the <see cref="ProgressWatch"/> when each request to the target starts and ends, and lets cancellation end any request.</summary>
internal sealed class WatchedModel : IModel
{
    private readonly IModel _inner;
    private readonly ProgressWatch _watch;

    public WatchedModel(IModel inner, ProgressWatch watch)
    {
        _inner = inner;
        _watch = watch;
    }

    public ModelInfo Info => _inner.Info;

    public async Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        _watch.AttemptStarted();
        try
        {
            // Inside the retry layer the token is the attempt's own (cancelled by --timeout), outside it the
            // run's abort: either way the request ends then, even when the client below ignores
            // cancellation, so a hung request can never hold its sample and slot forever.
            return await _inner.GenerateAsync(request, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _watch.AttemptEnded();
        }
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
