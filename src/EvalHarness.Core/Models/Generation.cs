namespace EvalHarness.Models;

/// <summary>A target's answer.</summary>
/// <param name="Text">The answer text (empty, never null).</param>
/// <param name="FinishReason">"stop", "length", "content_filter", ... as the endpoint reported it.</param>
/// <param name="Usage">Token counts when the endpoint reports them.</param>
/// <param name="Model">The model id the endpoint says answered.</param>
public sealed record Generation(string Text, string? FinishReason = null, TokenUsage? Usage = null, string? Model = null)
{
    /// <summary>Attempts made to get this answer (1 when the first attempt succeeded).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>True when the answer came from the response cache.</summary>
    public bool Cached { get; init; }

    /// <summary>When <see cref="Cached"/>: the run that first asked the model for this answer, when the cache recorded it.</summary>
    public string? CachedFrom { get; init; }

    /// <summary>Attempts that failed before this answer arrived, oldest first.</summary>
    public IReadOnlyList<FailedAttempt>? Retries { get; init; }
}
