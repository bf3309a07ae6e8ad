namespace EvalHarness.Providers.Anthropic;

/// <summary>
/// The Retry-After headers of a failed response (seconds or a date, and the milliseconds some servers send).
/// </summary>
internal sealed class CapturedResponse
{
    public string? RetryAfter { get; set; }

    public string? RetryAfterMs { get; set; }
}
