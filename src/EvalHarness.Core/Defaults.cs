namespace EvalHarness;

/// <summary>The harness's defaults, in one place: option types, help texts and docs read them from here.</summary>
public static class Defaults
{
    /// <summary>
    /// A log whose sample lines total more than this is not held in memory: results and reports read its records
    /// back from disk as they go, so a run of a million samples needs little more memory than its dataset. 32 MiB keep a
    /// typical run of 10,000 samples (judge calls included) in memory, where reading it back would cost more than the requests.
    /// Held in memory, records take about two to three times their bytes on disk.
    /// </summary>
    public const long LogBytesInMemory = 32L << 20;

    /// <summary>Time allowed for one request attempt (<c>--timeout</c>).</summary>
    public static TimeSpan AttemptTimeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt for transient failures (<c>--max-retries</c>).</summary>
    public const int MaxRetries = 5;

    /// <summary>First backoff between retries; it doubles per retry, with jitter.</summary>
    public static TimeSpan RetryBaseDelay { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan RetryMaxDelay { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest Retry-After honoured; an endpoint asking for an hour gets this instead.</summary>
    public static TimeSpan MaxRetryAfter { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Answers older than this are not taken from the response cache (<c>--cache-expiry</c>).</summary>
    public static TimeSpan CacheExpiry { get; } = TimeSpan.FromDays(7);

    /// <summary>After a first Ctrl+C, how long samples in flight may take before they are abandoned.</summary>
    public static TimeSpan StopGracePeriod { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Confidence level of every interval.</summary>
    public const double Confidence = 0.95;

    /// <summary>The environment variable an OpenAI-compatible endpoint's key is read from (<c>--api-key-env</c>).</summary>
    public const string OpenAIKeyVariable = "OPENAI_API_KEY";

    /// <summary>The variable an OpenAI-compatible endpoint's URL is read from when <c>--base-url</c> is not given.</summary>
    public const string OpenAIBaseUrlVariable = "OPENAI_BASE_URL";

    /// <summary>The environment variable an Anthropic endpoint's key is read from (<c>--api-key-env</c>).</summary>
    public const string AnthropicKeyVariable = "ANTHROPIC_API_KEY";

    /// <summary>The variable an Anthropic endpoint's URL is read from when <c>--base-url</c> is not given.</summary>
    public const string AnthropicBaseUrlVariable = "ANTHROPIC_BASE_URL";
}
