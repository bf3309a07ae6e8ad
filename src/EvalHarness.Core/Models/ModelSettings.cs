namespace EvalHarness.Models;

/// <summary>Command-line and environment settings a model (the one under evaluation, or a judge) is built from.</summary>
public sealed record ModelSettings
{
    /// <summary>--base-url (or --judge-base-url); when null, the provider's variable (OPENAI_BASE_URL), then its official endpoint.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>--api-key-env (or --judge-api-key-env): the variable holding the key; null for the provider's default.</summary>
    public string? ApiKeyVariable { get; init; }

    public TimeSpan Timeout { get; init; } = Defaults.AttemptTimeout;

    /// <summary>Reads environment variables; replaceable in tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The clock a Retry-After given as an HTTP date is measured against; replaceable in tests.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sends HTTP requests; null uses a pooled client sized for many concurrent requests.</summary>
    public HttpClient? HttpClient { get; init; }
}
