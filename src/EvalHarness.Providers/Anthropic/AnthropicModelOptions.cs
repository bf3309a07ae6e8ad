namespace EvalHarness.Providers.Anthropic;

/// <summary>How to reach the Anthropic Messages API or a server that speaks it.</summary>
public sealed record AnthropicModelOptions
{
    /// <summary>The API root; the SDK appends <c>/v1/messages</c>.</summary>
    public const string DefaultBaseUrl = "https://api.anthropic.com";

    /// <summary>The environment variable the key is read from unless <c>--api-key-env</c> names another.</summary>
    public const string KeyVariable = Defaults.AnthropicKeyVariable;

    /// <summary>The variable the API root is read from when <c>--base-url</c> is not given.</summary>
    public const string BaseUrlVariable = Defaults.AnthropicBaseUrlVariable;

    /// <summary>
    /// The Messages API requires <c>max_tokens</c>; this is sent when neither the suite nor
    /// <c>--max-tokens</c> sets one.
    /// </summary>
    public const int DefaultMaxTokens = 4096;

    public required string Model { get; init; }

    public required Uri BaseUrl { get; init; }

    /// <summary>The key itself (never logged), or null for servers that need none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The environment variable the key came from, for messages ("check ANTHROPIC_API_KEY").</summary>
    public string ApiKeyVariable { get; init; } = KeyVariable;

    /// <summary>The options that choose the key variable and the endpoint for this role, for messages.</summary>
    public string KeyOption { get; init; } = "--api-key-env";

    public string BaseUrlOption { get; init; } = "--base-url";

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan Timeout { get; init; } = Defaults.AttemptTimeout;

    /// <summary>The clock a Retry-After given as an HTTP date is measured against.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
