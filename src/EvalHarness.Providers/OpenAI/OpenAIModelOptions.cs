namespace EvalHarness.Providers.OpenAI;

/// <summary>How to reach an OpenAI-compatible endpoint.</summary>
public sealed record OpenAIModelOptions
{
    public const string DefaultBaseUrl = "https://api.openai.com/v1";

    public required string Model { get; init; }

    public required Uri BaseUrl { get; init; }

    /// <summary>The key itself (never logged), or null for servers that need none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The environment variable the key came from, for messages ("check OPENAI_API_KEY").</summary>
    public string ApiKeyVariable { get; init; } = Defaults.OpenAIKeyVariable;

    /// <summary>The option that names another key variable for this role (<c>--api-key-env</c>, <c>--judge-api-key-env</c>), for messages.</summary>
    public string KeyOption { get; init; } = "--api-key-env";

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan Timeout { get; init; } = Defaults.AttemptTimeout;

    /// <summary>The clock a Retry-After given as an HTTP date is measured against.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
