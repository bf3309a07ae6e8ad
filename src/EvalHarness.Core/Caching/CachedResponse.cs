using EvalHarness.Models;

namespace EvalHarness.Caching;

public sealed record CachedResponse(string Text, string? FinishReason, TokenUsage? Usage, string? Model, DateTimeOffset Created);
