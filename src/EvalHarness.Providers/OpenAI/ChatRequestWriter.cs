using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;

namespace EvalHarness.Providers.OpenAI;

/// <summary>
/// Writes a chat completions request body directly, byte for byte what the SDK's ChatCompletionOptions
/// serializer sent (same fields, order, number formats and escaping), without building its model objects:
/// at high concurrency those and the SDK's locked buffers cost more CPU than the whole rest of a request.
/// </summary>
internal sealed class ChatRequestWriter
{
    // The SDK writes with the relaxed encoder: non-ASCII text and <>&'+ stay as they are.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // A thread's buffer is kept for its next request unless one huge prompt made it large.
    private const int KeptBufferBytes = 256 * 1024;

    private static readonly JsonEncodedText Temperature = JsonEncodedText.Encode("temperature");
    private static readonly JsonEncodedText TopP = JsonEncodedText.Encode("top_p");
    private static readonly JsonEncodedText Messages = JsonEncodedText.Encode("messages");
    private static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText Content = JsonEncodedText.Encode("content");
    private static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText MaxCompletionTokens = JsonEncodedText.Encode("max_completion_tokens");
    private static readonly JsonEncodedText Stop = JsonEncodedText.Encode("stop");
    private static readonly JsonEncodedText Seed = JsonEncodedText.Encode("seed");
    private static readonly JsonEncodedText System = JsonEncodedText.Encode("system");
    private static readonly JsonEncodedText User = JsonEncodedText.Encode("user");
    private static readonly JsonEncodedText Assistant = JsonEncodedText.Encode("assistant");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly string _model;

    public ChatRequestWriter(string model) => _model = model;

    /// <summary>The body as a new array of exactly its length: the transport may still read it after the call returns.</summary>
    public byte[] Write(IEnumerable<AIChatMessage> messages, ChatOptions? options)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        WriteBody(writer, messages, options);
        writer.Flush();
        var body = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > KeptBufferBytes)
        {
            t_buffer = null;
            t_writer = null;
        }

        return body;
    }

    private void WriteBody(Utf8JsonWriter writer, IEnumerable<AIChatMessage> messages, ChatOptions? options)
    {
        writer.WriteStartObject();
        if (options?.Temperature is { } temperature)
        {
            writer.WriteNumber(Temperature, temperature);
        }

        if (options?.TopP is { } topP)
        {
            writer.WriteNumber(TopP, topP);
        }

        writer.WriteStartArray(Messages);
        foreach (var message in messages)
        {
            writer.WriteStartObject();
            writer.WriteString(Role, message.Role == AIChatRole.System ? System : message.Role == AIChatRole.Assistant ? Assistant : User);
            writer.WriteString(Content, message.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString(Model, _model);
        if (options?.MaxOutputTokens is { } maxTokens)
        {
            writer.WriteNumber(MaxCompletionTokens, maxTokens);
        }

        if (options?.StopSequences is { Count: > 0 } stops)
        {
            writer.WriteStartArray(Stop);
            foreach (var stop in stops)
            {
                writer.WriteStringValue(stop);
            }

            writer.WriteEndArray();
        }

        if (options?.Seed is { } seed)
        {
            writer.WriteNumber(Seed, seed);
        }

        writer.WriteEndObject();
    }
}
