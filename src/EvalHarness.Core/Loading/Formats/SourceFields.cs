using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Validation;

namespace EvalHarness.Loading.Formats;

/// <summary>
/// Reads one record of a public benchmark file by the file's own field names, so every message names
/// the field the user will find in that file (<c>label</c>, <c>samples[3].output</c>), at the record's
/// position.
/// </summary>
public sealed class SourceFields
{
    private readonly JsonObject _node;
    private readonly string _path;
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;

    /// <param name="node">The record.</param>
    /// <param name="path">Where the record sits in the file (<c>samples[2]</c>), or empty for a whole line of JSON Lines.</param>
    /// <param name="file">The file as shown in messages.</param>
    /// <param name="line">1-based line where the record starts.</param>
    /// <param name="column">1-based column where the record starts, or 0 when a line says enough.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public SourceFields(JsonObject node, string path, string file, int line, int column, DiagnosticBag diagnostics)
    {
        _node = node;
        _path = path;
        _file = file;
        Line = line;
        Column = column;
        _diagnostics = diagnostics;
    }

    public int Line { get; }

    public int Column { get; }

    public bool HasErrors { get; private set; }

    public string Field(string key) => ConfigPath.Child(_path, key);

    public void Error(string? field, string message)
    {
        HasErrors = true;
        _diagnostics.Error(_file, Line, Column, FieldOrRecord(field), message);
    }

    public void Warning(string? field, string message) => _diagnostics.Warning(_file, Line, Column, FieldOrRecord(field), message);

    /// <summary>A required, non-blank text field.</summary>
    public string? Text(string key)
    {
        if (!TryGet(key, out var node))
        {
            return null;
        }

        return CheckText(node, Field(key));
    }

    /// <summary>A text field that may be absent or null; blank text counts as absent.</summary>
    public string? OptionalText(string key)
    {
        if (!_node.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            return text.Trim().Length == 0 ? null : text;
        }

        Error(Field(key), $"must be text, not {Describe(node)}");
        return null;
    }

    /// <summary>A required id: text, or a whole number as the public files use.</summary>
    public string? Id(string key)
    {
        if (!TryGet(key, out var node))
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Trim() is { Length: > 0 } id)
        {
            return id;
        }

        Error(Field(key), $"must be text or a whole number, not {DescribeValue(node)}");
        return null;
    }

    /// <summary>A required whole number within a range; <paramref name="meaning"/> says what the number is.</summary>
    public int? WholeNumber(string key, int min, int max, string meaning)
    {
        if (!TryGet(key, out var node))
        {
            return null;
        }

        var expected = max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}";
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number))
        {
            if (number >= min && number <= max)
            {
                return number;
            }

            Error(Field(key), $"must be {expected} ({meaning}), not {number.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        Error(Field(key), $"must be {expected} ({meaning}), not {DescribeValue(node)}");
        return null;
    }

    /// <summary>An optional true/false field.</summary>
    public bool? OptionalBool(string key)
    {
        if (!_node.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        Error(Field(key), $"must be true or false, not {Describe(node)}");
        return null;
    }

    /// <summary>A list; null (after reporting) when it is required but missing, or not a list.</summary>
    public JsonArray? List(string key, bool required = true)
    {
        if (!_node.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required)
            {
                Error(Field(key), "is required");
            }

            return null;
        }

        if (node is JsonArray array)
        {
            return array;
        }

        Error(Field(key), $"must be a list, not {Describe(node)}");
        return null;
    }

    /// <summary>A list of non-blank texts with at least <paramref name="minCount"/> entries.</summary>
    public List<string>? TextList(string key, bool required, int minCount)
    {
        if (List(key, required) is not { } array)
        {
            return null;
        }

        if (array.Count < minCount)
        {
            Error(Field(key), minCount == 1 ? "is an empty list" : $"must have at least {minCount.ToString(CultureInfo.InvariantCulture)} entries");
            return null;
        }

        var items = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (CheckText(array[i], ConfigPath.Index(Field(key), i)) is { } text)
            {
                items.Add(text);
            }
        }

        return items.Count == array.Count ? items : null;
    }

    /// <summary>A required object nested in the record, as a reader of its own.</summary>
    public SourceFields? Child(JsonNode? node, string path, int line, int column)
    {
        if (node is JsonObject obj)
        {
            return new SourceFields(obj, path, _file, line, column, _diagnostics);
        }

        _diagnostics.Error(_file, line, column, path, $"must be an object ({{...}}), not {Describe(node)}");
        HasErrors = true;
        return null;
    }

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "text",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            _ => "null",
        },
        _ => "a value",
    };

    /// <summary>Like <see cref="Describe"/>, but shows a number itself: "not a number" would confuse when 2.5 was given for a whole number.</summary>
    private static string DescribeValue(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : Describe(node);

    private string? CheckText(JsonNode? node, string field)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (text.Trim().Length > 0)
            {
                return text;
            }

            Error(field, "is empty");
            return null;
        }

        Error(field, $"must be text, not {Describe(node)}");
        return null;
    }

    private bool TryGet(string key, out JsonNode? node)
    {
        if (_node.TryGetPropertyValue(key, out node))
        {
            return true;
        }

        Error(Field(key), "is required");
        return false;
    }

    private string? FieldOrRecord(string? field) => field ?? (_path.Length == 0 ? null : _path);
}
