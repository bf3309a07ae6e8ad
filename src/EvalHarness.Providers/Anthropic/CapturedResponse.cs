namespace EvalHarness.Providers.Anthropic;

/// <summary>
/// What <see cref="ResponseCapture"/> saw of the last failed response of one call: the SDK's exceptions
/// carry the status and the body but not the headers, and Retry-After is in the headers.
/// </summary>
internal sealed class CapturedResponse
{
    public string? RetryAfter { get; set; }

    public string? RetryAfterMs { get; set; }
}
