using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalHarness.Scorers.Similarity;

/// <summary>
/// Reads whole numbers back from score metadata. Metadata arrives either as built by a scorer or
/// parsed from the run log, where numbers are JSON elements; both read the same way here.
/// </summary>
internal static class JsonStatistics
{
    public static bool TryReadLong(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        // A value built in memory keeps its CLR type (int or long); one parsed from the log converts to either.
        if (v.TryGetValue(out value))
        {
            return true;
        }

        if (v.TryGetValue(out int small))
        {
            value = small;
            return true;
        }

        return false;
    }

    public static long[]? ReadLongs(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return null;
        }

        var values = new long[array.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryReadLong(array[i], out values[i]) || values[i] < 0)
            {
                return null;
            }
        }

        return values;
    }

    public static JsonArray Array(IReadOnlyList<long> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
        {
            array.Add((JsonNode)JsonValue.Create(v));
        }

        return array;
    }

    public static JsonArray Array(IReadOnlyList<double> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
        {
            array.Add((JsonNode)JsonValue.Create(v));
        }

        return array;
    }
}
