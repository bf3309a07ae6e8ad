namespace EvalHarness.Providers;

/// <summary>Command-line and environment settings that targets are built from.</summary>
public sealed record ModelSettings
{
    /// <summary>--base-url; when null, OPENAI_BASE_URL, then the official endpoint.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>--api-key-env: the variable holding the key (default OPENAI_API_KEY).</summary>
    public string? ApiKeyVariable { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Reads environment variables; replaceable in tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The clock a Retry-After given as an HTTP date is measured against; replaceable in tests.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sends HTTP requests; null uses a pooled client sized for many concurrent requests.</summary>
    public HttpClient? HttpClient { get; init; }
}
