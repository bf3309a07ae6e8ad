using System.Text.Json.Nodes;

namespace EvalHarness.Tests.Support;

/// <summary>A request the fake endpoint received, as parsed JSON plus the headers that matter to tests.</summary>
/// <param name="Attempt">How many times this same conversation has been asked, including this time (1 = first).</param>
internal sealed record FakeRequest(JsonObject Body, string? Authorization, string Path, int Attempt)
{
    /// <summary>The User-Agent header, where the fake server records it.</summary>
    public string? UserAgent { get; init; }

    public string Model => Body["model"]?.GetValue<string>() ?? string.Empty;

    public JsonArray Messages => Body["messages"]?.AsArray() ?? [];

    public string LastUserMessage => Messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user")?["content"]?.ToString() ?? string.Empty;
}
