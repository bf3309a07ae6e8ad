using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using EvalHarness.Models;

namespace EvalHarness.Caching;

/// <summary>
/// The identity of a request: target, endpoint, the full messages, generation settings and epoch. Any
/// difference in these is a different request; the epoch keeps repeated samples independent.
/// </summary>
public static class CacheKey
{
    public static string For(ModelInfo target, GenerationRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", 1);
            json.WriteString("target", target.Spec);
            json.WriteString("base_url", target.BaseUrl);
            json.WriteStartArray("messages");
            foreach (var message in request.Messages)
            {
                json.WriteStartArray();
                json.WriteStringValue(message.Role);
                json.WriteStringValue(message.Content);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            var s = request.Settings;
            WriteNumber(json, "temperature", s.Temperature);
            WriteNumber(json, "max_tokens", s.MaxTokens);
            WriteNumber(json, "top_p", s.TopP);
            WriteNumber(json, "seed", s.Seed);
            json.WriteStartArray("stop");
            foreach (var stop in s.Stop ?? [])
            {
                json.WriteStringValue(stop);
            }

            json.WriteEndArray();
            json.WriteNumber("epoch", request.Epoch);
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
