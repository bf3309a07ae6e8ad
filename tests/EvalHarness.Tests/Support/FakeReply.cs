namespace EvalHarness.Tests.Support;

/// <summary>What the fake endpoint does with one request: answer, fail, or misbehave.</summary>
internal sealed record FakeReply
{
    public FakeFault Fault { get; init; }

    public string? Text { get; init; }

    public int Status { get; init; } = 200;

    public string? Body { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait before doing anything.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Also wait for this before doing anything: the test holds the request in flight and lets it go when it chooses.</summary>
    public Task? Until { get; init; }

    /// <summary>For <see cref="FakeFault.Drip"/>: the pause between chunks of the body.</summary>
    public TimeSpan DripInterval { get; init; }

    public static FakeReply Answer(string text) => new() { Text = text };

    public static FakeReply Error(int status, string message, params (string Name, string Value)[] headers) => new()
    {
        Status = status,
        Body = "{\"error\":{\"message\":" + System.Text.Json.JsonSerializer.Serialize(message) + ",\"type\":\"test\"}}",
        Headers = headers.ToDictionary(h => h.Name, h => h.Value),
    };

    public static FakeReply RateLimited(double retryAfterSeconds) =>
        Error(429, "rate limit reached", ("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static FakeReply Reset() => new() { Fault = FakeFault.Reset };

    public static FakeReply Malformed() => new() { Fault = FakeFault.Malformed };

    public static FakeReply NoChoices() => new() { Fault = FakeFault.NoChoices };

    public static FakeReply Hang() => new() { Fault = FakeFault.Hang };

    public static FakeReply Drip(string text, TimeSpan interval) => new() { Fault = FakeFault.Drip, Text = text, DripInterval = interval };
}
