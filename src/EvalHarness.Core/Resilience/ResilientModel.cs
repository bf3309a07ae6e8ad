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
/// <remarks>
/// The first attempt runs outside the pipeline, under a timeout of its own: nearly every request succeeds at
/// once, and the pipeline's layers (six state machines, their continuations and a pooled context per request)
/// were a tenth of what a request allocated at hundreds of requests per second (docs/performance.md). A first
/// attempt that failed in a way worth retrying is handed to the pipeline as its first outcome, without asking the
/// model again, so the retries, their delays, Retry-After and the record of failures are the pipeline's as before.
/// </remarks>
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
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsRetried),
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
        try
        {
            Generation? generation = null;
            var clock = new CancellationTokenSource(_options.AttemptTimeout, _time);
            var link = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), clock);
            try
            {
                generation = await AttemptAsync(attempts, clock.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (clock.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // As the pipeline's timeout does: an attempt cancelled by its own clock, not by the run.
                var timedOut = new TimeoutRejectedException("the attempt timed out", _options.AttemptTimeout);
                if (_options.MaxRetries <= 0)
                {
                    throw timedOut;
                }

                attempts.Replay = timedOut;
            }
            catch (Exception ex) when (_options.MaxRetries > 0 && IsRetried(ex))
            {
                attempts.Replay = ex;
            }
            finally
            {
                link.Dispose();
                clock.Dispose();
            }

            generation ??= await RetryAsync(attempts, cancellationToken).ConfigureAwait(false);

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
    }

    /// <summary>The pipeline's first outcome is the first attempt's failure; its later attempts ask the model.</summary>
    private async Task<Generation> RetryAsync(ResilientAttempts attempts, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AttemptsKey, attempts);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.TakeReplay() is { } failure
                    ? ValueTask.FromException<Generation>(failure)
                    : new ValueTask<Generation>(state.Model.AttemptAsync(state, ctx.CancellationToken)),
                context,
                attempts).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsRetried(Exception failure) =>
        failure is ModelException { Kind: ModelErrorKind.Transient } or TimeoutRejectedException;

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
