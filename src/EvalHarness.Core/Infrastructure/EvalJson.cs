using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalHarness.Infrastructure;

/// <summary>
/// The serializer settings for every file the harness writes: snake_case names, nulls omitted, and
/// Japanese and quotes left readable. These files are data, not HTML: anything that embeds them in a
/// page must escape them for that context itself.
/// </summary>
public static class EvalJson
{
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = EvalJsonContext.Default,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new SnakeCaseEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
