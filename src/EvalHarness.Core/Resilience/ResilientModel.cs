using System.Globalization;
using EvalHarness.Engine.Concurrency;
using EvalHarness.Models;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EvalHarness.Resilience;

/// <summary>
/// Retries transient failures with exponential backoff and jitter (Polly), honours Retry-After, bounds
/// every attempt by a timeout, reports each outcome to the concurrency controller, and records every
/// failed attempt. Permanent failures pass straight through.
/// </summary>
internal sealed class ResilientModel : IModel
{
    private static readonly ResiliencePropertyKey<ResilientAttempts> AttemptsKey = new("evalh.attempts");
    private readonly IModel _inner;
    private readonly ResilienceOptions _options;
    private readonly IConcurrencyController? _controller;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;

    public ResilientModel(IModel inner, ResilienceOptions options, IConcurrencyController? controller, TimeProvider time)
    {
        _inner = inner;
        _options = options;
        _controller = controller;
        _time = time;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<ModelException>(e => e.Kind == ModelErrorKind.Transient)
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ModelException { RetryAfter: { } after }
                    ? (TimeSpan?)(after > _options.MaxRetryAfter ? _options.MaxRetryAfter : after)
                    : null),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Exception;
                    args.Context.Properties.GetValue(AttemptsKey, null!)?.Failed(new FailedAttempt(
                        args.AttemptNumber + 1,
                        Describe(failure),
                        (failure as ModelException)?.StatusCode,
                        Math.Round(args.RetryDelay.TotalMilliseconds, 1)));
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        _pipeline = builder.Build();
    }

    public ModelInfo Info => _inner.Info;

    public async Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var attempts = new ResilientAttempts(this, request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AttemptsKey, attempts);
        try
        {
            var generation = await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<Generation>(state.Model.AttemptAsync(state, ctx.CancellationToken)),
                context,
                attempts).ConfigureAwait(false);
            return generation with { Attempts = attempts.Count, Retries = attempts.Failures };
        }
        catch (ModelException ex)
        {
            throw ex.AfterAttempts(attempts.Count, attempts.Failures ?? []);
        }
        catch (TimeoutRejectedException)
        {
            var timeout = new ModelException(
                $"no answer within {_options.AttemptTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (per-attempt --timeout)",
                ModelErrorKind.Transient);
            throw timeout.AfterAttempts(attempts.Count, attempts.Failures ?? []);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private async Task<Generation> AttemptAsync(ResilientAttempts attempts, CancellationToken cancellationToken)
    {
        attempts.Count++;
        var started = _time.GetTimestamp();
        try
        {
            var generation = await _inner.GenerateAsync(attempts.Request, cancellationToken).ConfigureAwait(false);
            _controller?.OnSuccess(_time.GetElapsedTime(started));
            return generation;
        }
        catch (ModelException ex) when (ex.IsCongestion)
        {
            _controller?.OnCongestion(ex.RetryAfter is { } after && after > _options.MaxRetryAfter ? _options.MaxRetryAfter : ex.RetryAfter, ex.StatusCode is { } status ? FormattableString.Invariant($"HTTP {status}") : "transient failure");
            throw;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The inner client gave up on its own: an attempt that timed out.
            _controller?.OnCongestion(null, "timeout");
            throw new ModelException("the request was cancelled by the client (timeout)", ModelErrorKind.Transient);
        }
        catch (OperationCanceledException) when (_time.GetElapsedTime(started) >= _options.AttemptTimeout)
        {
            // Polly's per-attempt timeout fired; an endpoint that hangs is an overloaded one.
            _controller?.OnCongestion(null, "timeout");
            throw;
        }
    }

    private string Describe(Exception? failure) => failure switch
    {
        ModelException t => t.Message,
        TimeoutRejectedException => $"no answer within {_options.AttemptTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
        null => "unknown failure",
        _ => failure.GetType().Name,
    };
}
