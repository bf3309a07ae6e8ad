namespace EvalHarness.Logs;

/// <summary>The concurrency limit changed (adaptive mode), or was fixed at the start.</summary>
public sealed record LimitRecord : LogRecord
{
    public required DateTimeOffset At { get; init; }

    /// <summary>The limit before this change; absent on the record that announces the starting limit.</summary>
    public int? Previous { get; init; }

    public required int Limit { get; init; }

    /// <summary>The pause the endpoint asked for (Retry-After) when it caused the change.</summary>
    public double? RetryAfterSeconds { get; init; }

    public required string Reason { get; init; }

    /// <summary>The role whose limit changed (<c>judge</c>); absent for the model under evaluation.</summary>
    public string? Role { get; init; }
}
