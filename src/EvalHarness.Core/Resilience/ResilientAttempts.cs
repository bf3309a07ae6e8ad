using EvalHarness.Models;

namespace EvalHarness.Resilience;

/// <summary>
/// One request through the retry pipeline: what to send, how many attempts it took and the ones that failed. It is
/// the pipeline's state, so a request that succeeds at once costs this one object rather than a closure, its
/// delegate and a list of failures it never needs.
/// </summary>
internal sealed class ResilientAttempts
{
    public ResilientAttempts(ResilientModel model, GenerationRequest request)
    {
        Model = model;
        Request = request;
    }

    public ResilientModel Model { get; }

    public GenerationRequest Request { get; }

    public int Count { get; set; }

    public List<FailedAttempt>? Failures { get; private set; }

    /// <summary>The first attempt's failure, waiting to be the pipeline's first outcome.</summary>
    public Exception? Replay { get; set; }

    public void Failed(FailedAttempt attempt) => (Failures ??= []).Add(attempt);

    public Exception? TakeReplay()
    {
        var replay = Replay;
        Replay = null;
        return replay;
    }
}
