using System.Collections.Concurrent;
using EvalHarness.Models;

namespace EvalHarness.Tests.Support;

/// <summary>
/// A live in-process target failing about 40% of requests the way a struggling endpoint does (429 with a
/// short Retry-After, 500, 503, dropped connections, garbage, hangs that honour or ignore cancellation).
/// Each request's fate is a function of the seed, the sample and how often it was asked, so a seed
/// replays the same fault sequence whatever order the requests arrive in.
/// </summary>
internal sealed class ScriptedFaultModel(int seed) : IModel
{
    private readonly ConcurrentDictionary<string, int> _asked = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<Generation> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public ModelInfo Info { get; } = CountingModel.LiveInfo("openai/faulty");

    public async Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var key = $"{request.SampleId}#{request.Epoch}";
        var attempt = _asked.AddOrUpdate(key, 1, (_, n) => n + 1);
        var random = new Random(HashCode.Combine(seed, key, attempt));
        var roll = random.NextDouble();
        var retryAfter = TimeSpan.FromMilliseconds(random.Next(1, 30));
        switch (roll)
        {
            case < 0.12:
                throw new ModelException("HTTP 429: rate limited", ModelErrorKind.Transient, 429, retryAfter);
            case < 0.20:
                throw new ModelException("HTTP 500: server error", ModelErrorKind.Transient, 500);
            case < 0.25:
                throw new ModelException("HTTP 503: overloaded", ModelErrorKind.Transient, 503);
            case < 0.30:
                throw new ModelException("the connection was closed", ModelErrorKind.Transient);
            case < 0.34:
                throw new ModelException("the answer was not valid JSON", ModelErrorKind.Transient);
            case < 0.37:
                throw new ModelException("the answer had no choices", ModelErrorKind.Transient);
            case < 0.385:
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                break;
            case < 0.40:
                return await _never.Task.ConfigureAwait(false);
        }

        await Task.Delay(random.Next(0, 3), cancellationToken).ConfigureAwait(false);
        return new Generation("2", "stop");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
