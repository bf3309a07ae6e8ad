using System.Text.Json;
using EvalHarness.Infrastructure;
using EvalHarness.Scoring;

namespace EvalHarness.Logs;

/// <summary>
/// Writes a sample record as the serializer writes it as a <see cref="LogRecord"/>, byte for byte, without the
/// serializer's per-call machinery. Every sample is written once to the log and once more into report.json; through
/// the serializer (a polymorphic type with a converter in its options, so no generated fast path) that was about a tenth
/// of a 10,000-sample run's CPU.
/// </summary>
/// <remarks>
/// The order and the omissions are the serializer's: "type" first, then the properties as declared, null values
/// left out, names in snake_case. SampleRecordJsonTests hold the two to the same bytes for records that set every
/// property, and fail when a property is added to any of the types written here.
/// </remarks>
public static class SampleRecordJson
{
    public static void Write(Utf8JsonWriter json, SampleRecord record)
    {
        json.WriteStartObject();
        json.WriteString("type"u8, "sample"u8);

        // Null where the type says never can still come from a log read back (a hand-edited or older line): the
        // serializer leaves such a property out, and writes such an item of a list or dictionary as null.
        Text(json, "suite"u8, record.Suite);
        Text(json, "id"u8, record.Id);
        json.WriteNumber("epoch"u8, record.Epoch);
        if (record.Input is { } input)
        {
            json.WriteStartArray("input"u8);
            for (var i = 0; i < input.Count; i++)
            {
                if (input[i] is not { } message)
                {
                    json.WriteNullValue();
                    continue;
                }

                json.WriteStartObject();
                Text(json, "role"u8, message.Role);
                Text(json, "content"u8, message.Content);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (record.Output is { } output)
        {
            json.WriteString("output"u8, output);
        }

        if (record.Turns is { } turns)
        {
            json.WritePropertyName("turns"u8);
            JsonSerializer.Serialize(json, turns, EvalJson.Compact.GetTypeInfo(typeof(IReadOnlyList<TurnRecord>)));
        }

        Strings(json, "targets"u8, record.Targets);
        Strings(json, "choices"u8, record.Choices);
        if (record.Metadata is not null)
        {
            Pairs(json, record.Metadata);
        }

        if (record.Scores is { } scores)
        {
            json.WriteStartObject("scores"u8);
            foreach (var (scorer, score) in scores)
            {
                json.WritePropertyName(scorer);
                if (score is null)
                {
                    json.WriteNullValue();
                    continue;
                }

                Write(json, score);
            }

            json.WriteEndObject();
        }

        if (record.Usage is { } usage)
        {
            json.WriteStartObject("usage"u8);
            Number(json, "input_tokens"u8, usage.InputTokens);
            Number(json, "output_tokens"u8, usage.OutputTokens);
            Number(json, "total_tokens"u8, usage.TotalTokens);
            json.WriteEndObject();
        }

        if (record.LatencyMs is { } latency)
        {
            json.WriteNumber("latency_ms"u8, latency);
        }

        json.WriteNumber("attempts"u8, record.Attempts);
        json.WriteBoolean("cached"u8, record.Cached);
        Text(json, "cached_from"u8, record.CachedFrom);
        if (record.Retries is { } retries)
        {
            json.WritePropertyName("retries"u8);
            JsonSerializer.Serialize(json, retries, EvalJson.Compact.GetTypeInfo(typeof(IReadOnlyList<Models.FailedAttempt>)));
        }

        Text(json, "finish_reason"u8, record.FinishReason);
        Text(json, "model"u8, record.Model);
        if (record.Error is { } error)
        {
            json.WritePropertyName("error"u8);
            JsonSerializer.Serialize(json, error, EvalJson.Compact.GetTypeInfo(typeof(SampleError)));
        }

        json.WriteString("started"u8, record.Started);
        json.WriteString("completed"u8, record.Completed);
        json.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter json, Score score)
    {
        json.WriteStartObject();
        if (score.Value is { } value)
        {
            json.WriteNumber("value"u8, value);
        }

        Text(json, "answer"u8, score.Answer);
        Text(json, "explanation"u8, score.Explanation);
        Text(json, "error"u8, score.Error);
        if (score.Values is { } values)
        {
            json.WriteStartObject("values"u8);
            foreach (var (name, number) in values)
            {
                json.WriteNumber(name, number);
            }

            json.WriteEndObject();
        }

        if (score.Metadata is { } metadata)
        {
            json.WritePropertyName("metadata"u8);
            metadata.WriteTo(json, EvalJson.Compact);
        }

        if (score.JudgeError is { } judgeError)
        {
            json.WriteBoolean("judge_error"u8, judgeError);
        }

        json.WriteEndObject();
    }

    private static void Pairs(Utf8JsonWriter json, IReadOnlyDictionary<string, string> metadata)
    {
        json.WriteStartObject("metadata"u8);
        if (metadata is Dictionary<string, string> own)
        {
            // Enumerated through its own type: through the interface every record would box an enumerator.
            foreach (var (key, value) in own)
            {
                json.WriteString(key, value);
            }
        }
        else
        {
            foreach (var (key, value) in metadata)
            {
                json.WriteString(key, value);
            }
        }

        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, ReadOnlySpan<byte> name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        json.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            json.WriteStringValue(values[i]);
        }

        json.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter json, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }
}
