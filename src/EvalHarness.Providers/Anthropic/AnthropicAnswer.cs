using System.Text.Json;
using Microsoft.Extensions.AI;

namespace EvalHarness.Providers.Anthropic;

/// <summary>What a Messages API answer holds that the harness uses: its text blocks joined, why it stopped, usage, model and id.</summary>
internal sealed record AnthropicAnswer(string Text, int TextBlocks, string? StopReason, UsageDetails? Usage, string? Model, string? Id)
{
    /// <summary>
    /// Reads an answer; null when the body is not one (no content array, a text block without text). Usage,
    /// model and id describe the answer but are not the answer: a compatible server that leaves one out, or
    /// sends it in another shape, still gave a usable answer.
    /// </summary>
    public static AnthropicAnswer? Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var text = new System.Text.StringBuilder();
            var blocks = 0;
            foreach (var block in content.EnumerateArray())
            {
                if (block.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                if (String(block, "type") != "text")
                {
                    continue;
                }

                if (String(block, "text") is not { } part)
                {
                    return null;
                }

                text.Append(part);
                blocks++;
            }

            return new AnthropicAnswer(text.ToString(), blocks, String(root, "stop_reason"), ReadUsage(root), String(root, "model"), String(root, "id"));
        }
    }

    private static UsageDetails? ReadUsage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object
            || Count(usage, "input_tokens") is not { } input || Count(usage, "output_tokens") is not { } output)
        {
            return null;
        }

        // The API counts cached prompt tokens apart from input_tokens; all of them are the prompt.
        var prompt = input + (Count(usage, "cache_creation_input_tokens") ?? 0) + (Count(usage, "cache_read_input_tokens") ?? 0);
        return new UsageDetails { InputTokenCount = prompt, OutputTokenCount = output, TotalTokenCount = prompt + output };
    }

    private static long? Count(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) ? count : null;

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
