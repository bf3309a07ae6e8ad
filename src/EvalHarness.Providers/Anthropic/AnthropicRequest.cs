using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace EvalHarness.Providers.Anthropic;

/// <summary>
/// A conversation and its settings as the body of one Messages API request, written directly: the official
/// SDK serializes its request types by reflection, which the ahead-of-time compiled CLI cannot run.
/// </summary>
internal static class AnthropicRequest
{
    private const string Separator = "\n\n";

    public static byte[] Body(string model, IEnumerable<AIChatMessage> messages, ChatOptions? options)
    {
        var system = new List<string>();
        var turns = new List<(ChatRole Role, StringBuilder Text)>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                // The Messages API has no system turns: instructions go in the separate system parameter.
                system.Add(message.Text);
                continue;
            }

            var role = message.Role == ChatRole.Assistant ? ChatRole.Assistant : ChatRole.User;
            if (turns.Count > 0 && turns[^1].Role == role)
            {
                // The API expects user and assistant turns to alternate.
                turns[^1].Text.Append(Separator).Append(message.Text);
            }
            else
            {
                turns.Add((role, new StringBuilder(message.Text)));
            }
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteNumber("max_tokens", options?.MaxOutputTokens ?? AnthropicModelOptions.DefaultMaxTokens);
            json.WriteStartArray("messages");
            foreach (var (role, text) in turns)
            {
                json.WriteStartObject();
                json.WriteString("role", role == ChatRole.Assistant ? "assistant" : "user");
                json.WriteString("content", text.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (system.Count > 0)
            {
                json.WriteString("system", string.Join(Separator, system));
            }

            if (options?.StopSequences is { Count: > 0 } stop)
            {
                json.WriteStartArray("stop_sequences");
                foreach (var sequence in stop)
                {
                    json.WriteStringValue(sequence);
                }

                json.WriteEndArray();
            }

            // Written as the suite gave them (0.7, not a widened 0.699999988), and only when it set them. The
            // seed has no Messages API equivalent and is not sent.
            if (options?.Temperature is { } temperature)
            {
                json.WriteNumber("temperature", temperature);
            }

            if (options?.TopP is { } topP)
            {
                json.WriteNumber("top_p", topP);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
