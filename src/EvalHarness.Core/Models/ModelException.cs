namespace EvalHarness.Models;

/// <summary>
/// A failed call to a target. The message is shown to users and written to logs, so it must say what
/// to fix and must never contain a secret.
/// </summary>
public sealed class ModelException : Exception
{
    public ModelException(string message, ModelErrorKind kind, int? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public ModelException()
        : this("model call failed", ModelErrorKind.Transient)
    {
    }

    public ModelException(string message)
        : this(message, ModelErrorKind.Transient)
    {
    }

    public ModelException(string message, Exception innerException)
        : this(message, ModelErrorKind.Transient, null, null, innerException)
    {
    }

    public ModelErrorKind Kind { get; }

    public int? StatusCode { get; }

    /// <summary>How long the endpoint asked us to wait (Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Attempts made before giving up (1 when the failure was not retried).</summary>
    public int Attempts { get; private init; } = 1;

    /// <summary>The earlier attempts that failed and were retried.</summary>
    public IReadOnlyList<FailedAttempt>? Retries { get; private init; }

    /// <summary>True for 429, 503, 529 (Anthropic's "overloaded") and timeouts: the endpoint is saying it is overloaded.</summary>
    public bool IsCongestion => StatusCode is 429 or 503 or 529 || (Kind == ModelErrorKind.Transient && RetryAfter is not null);

    /// <summary>The same failure, annotated with the attempts the resilience layer made.</summary>
    public ModelException AfterAttempts(int attempts, IReadOnlyList<FailedAttempt> retries) =>
        new(attempts > 1 ? $"{Message} (gave up after {attempts} attempts)" : Message, Kind, StatusCode, RetryAfter, InnerException)
        {
            Attempts = attempts,
            Retries = retries.Count == 0 ? null : retries,
        };
}
