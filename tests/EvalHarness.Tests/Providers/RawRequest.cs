namespace EvalHarness.Tests.Providers;

/// <summary>One request as the endpoint received it: the body's exact text and the content headers.</summary>
internal sealed record RawRequest(string Body, string? ContentType, string Accept, long? ContentLength);
