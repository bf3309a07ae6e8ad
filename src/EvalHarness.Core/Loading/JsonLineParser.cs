using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalHarness.Loading;

/// <summary>
/// Builds a JSON Lines record's object straight from the reader: text values become plain string nodes and
/// property names that repeat from line to line are one string each. Parsing through <see cref="JsonNode.Parse(ReadOnlySpan{byte}, JsonNodeOptions?, JsonDocumentOptions)"/>
/// made a document per line (a copy of the line and its token table) and then a node wrapping each of its values:
/// 2.3 KB per line of a typical dataset against 1.7 KB this way, and a collection walks every byte allocated.
/// </summary>
/// <remarks>
/// Numbers, booleans and null stay as the general parser makes them (a number keeps its text exactly as written).
/// A line this parser does not take (not an object, anything invalid) gets <see langword="null"/>, and the caller
/// parses it the general way, so problems are reported exactly as before. A name that appears twice in one object
/// is named in <see cref="Duplicate"/>: the general parser accepts it and fails later, on first use of the object.
/// </remarks>
internal sealed class JsonLineParser
{
    // Names longer than this, or escaped, are made afresh: they are rare, and the cache must stay small.
    private const int MaxCachedNameBytes = 64;
    private const int MaxCachedNames = 512;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>After <see cref="TryParse"/> gave <see langword="null"/>: the first name repeated within an object, as a path ("metadata.risk"), if that was why.</summary>
    public string? Duplicate { get; private set; }

    public JsonObject? TryParse(ReadOnlySpan<byte> utf8)
    {
        Duplicate = null;
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var result = ReadObject(ref reader);

            // Anything but white space after the object makes the line invalid; the general parser says where.
            return result is not null && !reader.Read() ? result : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    // The path of a repeated name is built only once one is found, as the reading unwinds, never for every value.
    private JsonObject? ReadObject(ref Utf8JsonReader reader)
    {
        var obj = new JsonObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            reader.Read();
            if (!Value(ref reader, out var value))
            {
                Duplicate = Duplicate is null ? null : name + (Duplicate[0] == '[' ? "" : ".") + Duplicate;
                return null;
            }

            if (!obj.TryAdd(name, value))
            {
                Duplicate = name;
                return null;
            }
        }

        return obj;
    }

    private JsonArray? ReadArray(ref Utf8JsonReader reader)
    {
        var array = new JsonArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!Value(ref reader, out var value))
            {
                Duplicate = Duplicate is null ? null : $"[{array.Count}]" + (Duplicate[0] == '[' ? "" : ".") + Duplicate;
                return null;
            }

            array.Add(value);
        }

        return array;
    }

    private bool Value(ref Utf8JsonReader reader, out JsonNode? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = JsonValue.Create(reader.GetString()!);
                return true;
            case JsonTokenType.StartObject:
                value = ReadObject(ref reader);
                return value is not null;
            case JsonTokenType.StartArray:
                value = ReadArray(ref reader);
                return value is not null;
            default:
                value = JsonNode.Parse(ref reader);
                return true;
        }
    }

    private string Name(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaxCachedNameBytes)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxCachedNameBytes];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var name))
        {
            return name;
        }

        name = chars[..length].ToString();
        if (_names.Count < MaxCachedNames)
        {
            _names.Add(name, name);
        }

        return name;
    }
}
