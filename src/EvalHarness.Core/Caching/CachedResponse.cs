using EvalHarness.Models;

namespace EvalHarness.Caching;

public sealed record CachedResponse(string Text, string? FinishReason, TokenUsage? Usage, string? Model, DateTimeOffset Created)
{
    /// <summary>The run that asked the model for this answer; null for answers cached before runs were recorded.</summary>
    public string? RunId { get; init; }
}
