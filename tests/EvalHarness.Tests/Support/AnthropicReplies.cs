using System.Globalization;
using System.Text.Json;

namespace EvalHarness.Tests.Support;

/// <summary>Replies of the fake Messages API: answers and errors in the shapes the Anthropic API sends.</summary>
internal static class AnthropicReplies
{
    /// <summary>A Messages API answer of the given content blocks, stop reason and model.</summary>
    public static FakeReply Message(object[] content, string? stopReason = "end_turn", string model = "claude-test", object? usage = null) => new()
    {
        Body = JsonSerializer.Serialize(new
        {
            id = "msg_test",
            type = "message",
            role = "assistant",
            model,
            content,
            stop_reason = stopReason,
            stop_sequence = (string?)null,
            usage = usage ?? new { input_tokens = 11, output_tokens = 7 },
        }),
    };

    public static object Text(string text) => new { type = "text", text };

    /// <summary>An error in the API's shape: <c>{"type":"error","error":{"type":…,"message":…}}</c>.</summary>
    public static FakeReply Error(int status, string type, string message, params (string Name, string Value)[] headers) => new()
    {
        Status = status,
        Body = JsonSerializer.Serialize(new { type = "error", error = new { type, message } }),
        Headers = headers.ToDictionary(h => h.Name, h => h.Value),
    };

    public static FakeReply RateLimited(double retryAfterSeconds) =>
        Error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit", ("retry-after", retryAfterSeconds.ToString(CultureInfo.InvariantCulture)));

    public static FakeReply Overloaded() => Error(529, "overloaded_error", "Overloaded");
}
