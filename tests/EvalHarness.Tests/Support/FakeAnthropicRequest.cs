namespace EvalHarness.Tests.Support;

/// <summary>A request the fake Messages API received: the parsed body as scripts see it, and the headers that carry the key and the API version.</summary>
/// <param name="Request">The body (model, system, messages, max_tokens, …), with <see cref="FakeRequest.Authorization"/> the Authorization header.</param>
/// <param name="ApiKey">The x-api-key header, if sent.</param>
/// <param name="Version">The anthropic-version header, if sent.</param>
internal sealed record FakeAnthropicRequest(FakeRequest Request, string? ApiKey, string? Version)
{
    public string? System => Request.Body["system"]?.ToString();
}
