using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace EvalHarness.Providers.OpenAI;

/// <summary>
/// Reads a chat completion body in one forward pass, taking only what the harness keeps, with the SDK's
/// reading of it: the first choice; text parts of an array content joined; the refusal when there is no
/// text; a missing finish_reason meaning stop; a missing usage field meaning 0. Anything else that is not
/// a chat completion throws <see cref="InvalidCompletionException"/> naming the field.
/// </summary>
internal static class ChatCompletionReader
{
    public static ChatCompletionResult Read(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new InvalidCompletionException("the body is empty");
        }

        var reader = new Utf8JsonReader(body);
        try
        {
            return ReadCompletion(ref reader);
        }
        catch (JsonException ex)
        {
            throw new InvalidCompletionException($"the body is not well-formed JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }
    }

    private static ChatCompletionResult ReadCompletion(ref Utf8JsonReader reader)
    {
        reader.Read();
        Expect(ref reader, JsonTokenType.StartObject, "the body");
        string? id = null, model = null, error = null;
        UsageDetails? usage = null;
        (string Text, string? Refusal, ChatFinishReason Finish)? choice = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = OptionalString(ref reader, "id");
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                model = OptionalString(ref reader, "model");
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                reader.Read();
                choice = FirstChoice(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                usage = Usage(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = ErrorMessage(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Anything after the object (other than white space) makes the reader throw.
        if (reader.Read())
        {
            throw new InvalidCompletionException("the body holds more than one JSON value");
        }

        if (choice is not { } first)
        {
            // Some proxies report a failure with status 200 and an OpenAI-style error object.
            throw new InvalidCompletionException(string.IsNullOrWhiteSpace(error)
                ? "it has no choices"
                : "it has no choices but an error: " + (error.Length > 300 ? error[..300] + "…" : error).ReplaceLineEndings(" "));
        }

        var text = first.Text.Length == 0 && !string.IsNullOrEmpty(first.Refusal) ? first.Refusal : first.Text;
        return new ChatCompletionResult(text, first.Finish, usage, model, id);
    }

    private static (string Text, string? Refusal, ChatFinishReason Finish)? FirstChoice(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray, "choices");
        (string, string?, ChatFinishReason)? first = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first is null)
            {
                first = ReadChoice(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return first;
    }

    private static (string Text, string? Refusal, ChatFinishReason Finish) ReadChoice(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "choices[0]");
        var finish = ChatFinishReason.Stop;
        (string Text, string? Refusal)? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = ReadMessage(ref reader);
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                finish = FinishReason(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return message is { } m ? (m.Text, m.Refusal, finish) : throw new InvalidCompletionException("choices[0] has no message");
    }

    private static (string Text, string? Refusal) ReadMessage(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "choices[0].message");
        var text = string.Empty;
        string? refusal = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                text = Content(ref reader);
            }
            else if (reader.ValueTextEquals("refusal"u8))
            {
                reader.Read();
                refusal = OptionalString(ref reader, "choices[0].message.refusal");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (text, refusal);
    }

    /// <summary>A string, or an array of parts of which those of type text count; null is no text.</summary>
    private static string Content(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString()!;
            case JsonTokenType.Null:
                return string.Empty;
            case JsonTokenType.StartArray:
                break;
            default:
                throw new InvalidCompletionException($"choices[0].message.content is {Describe(reader.TokenType)}, not text");
        }

        string? single = null;
        StringBuilder? joined = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (TextPart(ref reader) is not { } part)
            {
                continue;
            }

            if (single is null)
            {
                single = part;
            }
            else
            {
                (joined ??= new StringBuilder(single)).Append(part);
            }
        }

        return joined?.ToString() ?? single ?? string.Empty;
    }

    private static string? TextPart(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a part of choices[0].message.content");
        var isText = false;
        string? text = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isText = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("text"u8);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                text = OptionalString(ref reader, "a text part's text");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return isText ? text ?? string.Empty : null;
    }

    private static ChatFinishReason FinishReason(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new InvalidCompletionException($"choices[0].finish_reason is {Describe(reader.TokenType)}");
        }

        if (reader.ValueTextEquals("stop"u8))
        {
            return ChatFinishReason.Stop;
        }

        if (reader.ValueTextEquals("length"u8))
        {
            return ChatFinishReason.Length;
        }

        var value = reader.GetString()!;
        return value.ToUpperInvariant() switch
        {
            "STOP" => ChatFinishReason.Stop,
            "LENGTH" => ChatFinishReason.Length,
            "CONTENT_FILTER" => ChatFinishReason.ContentFilter,
            "TOOL_CALLS" or "FUNCTION_CALL" => ChatFinishReason.ToolCalls,
            _ => throw new InvalidCompletionException(
                $"choices[0].finish_reason '{(value.Length > 40 ? value[..40] + "…" : value)}' is not stop, length, content_filter or tool_calls"),
        };
    }

    /// <summary>error.message, or error itself when it is a string; null for anything else.</summary>
    private static string? ErrorMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMessage = reader.ValueTextEquals("message"u8);
            reader.Read();
            if (isMessage && reader.TokenType == JsonTokenType.String)
            {
                message = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return message;
    }

    private static UsageDetails? Usage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject, "usage");
        int prompt = 0, completion = 0, total = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                reader.Read();
                prompt = Count(ref reader, "usage.prompt_tokens");
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                reader.Read();
                completion = Count(ref reader, "usage.completion_tokens");
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                reader.Read();
                total = Count(ref reader, "usage.total_tokens");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new UsageDetails { InputTokenCount = prompt, OutputTokenCount = completion, TotalTokenCount = total };
    }

    private static int Count(ref Utf8JsonReader reader, string field) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw new InvalidCompletionException($"{field} is {(reader.TokenType == JsonTokenType.Number ? "not a whole number" : Describe(reader.TokenType))}");

    private static string? OptionalString(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new InvalidCompletionException($"{field} is {Describe(reader.TokenType)}, not a string"),
    };

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string what)
    {
        if (reader.TokenType != expected)
        {
            throw new InvalidCompletionException($"{what} is {Describe(reader.TokenType)}, not {Describe(expected)}");
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "missing",
    };
}
