using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Suites;
using EvalHarness.Taxonomy;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>Maps raw dataset records to samples, reporting every malformed field with its line.</summary>
public sealed class SampleBuilder
{
    private readonly FieldMapping _fields;
    private readonly string _file;
    private readonly IReadOnlyDictionary<string, string> _defaults;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _fromCsv;
    private readonly IReadOnlyList<TaxonomyDefinition> _taxonomies;
    private readonly HashSet<string> _mapped;
    private readonly HashSet<string> _taxonomyNames;
    private readonly SharedValues _shared = new();
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private int _errors;

    public SampleBuilder(FieldMapping fields, string displayPath, IReadOnlyDictionary<string, string> defaultMetadata, bool fromCsv, IReadOnlyList<TaxonomyDefinition> taxonomies, DiagnosticBag diagnostics)
    {
        _fields = fields;
        _file = displayPath;
        _defaults = defaultMetadata;
        _fromCsv = fromCsv;
        _taxonomies = taxonomies;
        _diagnostics = diagnostics;
        _mapped = new HashSet<string>(fields.MappedFields, StringComparer.Ordinal);
        _taxonomyNames = taxonomies.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <param name="record">The record.</param>
    /// <param name="ordinal">1-based record number, used as the id when the dataset has no id field.</param>
    public Sample? Build(RawRecord record, int ordinal)
    {
        // Counted here, not in the bag: the bag counts by walking every diagnostic, once per record of a large dataset.
        var errorsBefore = _errors;
        var fields = record.Fields;
        var line = record.Line;

        var id = ReadId(fields, line, ordinal);
        var input = ReadInput(fields, line);
        var targets = ReadList(fields, _fields.Target, line) ?? [];
        var choices = ReadChoices(fields, line);
        var scorers = ReadList(fields, _fields.Scorers, line);
        var metadata = ReadMetadata(fields, line);

        if (_errors > errorsBefore || id is null || input is null)
        {
            return null;
        }

        return new Sample
        {
            Id = id,
            Input = input,
            Targets = _shared.List(targets),
            Choices = _shared.List(choices),
            Scorers = scorers is null ? null : _shared.List(scorers),
            Metadata = _shared.Metadata(metadata),
            Line = line,
        };
    }

    private string? ReadId(JsonObject fields, int line, int ordinal)
    {
        if (!fields.TryGetPropertyValue(_fields.Id, out var node) || node is null)
        {
            return ordinal.ToString(CultureInfo.InvariantCulture);
        }

        if (node is JsonValue value && Scalar(value) is { } text)
        {
            // Numbering an empty id instead would hide the gap and could collide with a real id such as "3".
            if (text.Trim().Length == 0)
            {
                Error(line, _fields.Id, "is empty; give every sample its own id, or leave the field out everywhere to number samples by position");
                return null;
            }

            return text.Trim();
        }

        Error(line, _fields.Id, "must be text or a number");
        return null;
    }

    private IReadOnlyList<PromptMessage>? ReadInput(JsonObject fields, int line)
    {
        if (!fields.TryGetPropertyValue(_fields.Input, out var node) || node is null)
        {
            Error(line, _fields.Input, "is required (the prompt text, or a list of {role, content} messages)");
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (text.Trim().Length == 0)
            {
                Error(line, _fields.Input, "is empty");
                return null;
            }

            return new[] { new PromptMessage(MessageRoles.User, text) };
        }

        if (node is JsonArray array)
        {
            return ReadMessages(array, line);
        }

        Error(line, _fields.Input, "must be text or a list of {role, content} messages");
        return null;
    }

    private List<PromptMessage>? ReadMessages(JsonArray array, int line)
    {
        var messages = new List<PromptMessage>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var field = $"{_fields.Input}[{i}]";
            if (array[i] is not JsonObject message
                || message["role"] is not JsonValue roleNode || !roleNode.TryGetValue<string>(out var role)
                || message["content"] is not JsonValue contentNode || !contentNode.TryGetValue<string>(out var content))
            {
                Error(line, field, "each message must be an object with text fields 'role' and 'content'");
                return null;
            }

            if (!MessageRoles.IsKnown(role))
            {
                Error(line, field + ".role", $"'{role}' is not a role; use system, user or assistant");
                return null;
            }

            messages.Add(new PromptMessage(role, content));
        }

        if (!messages.Exists(m => m.Role == MessageRoles.User))
        {
            Error(line, _fields.Input, "has no user message");
            return null;
        }

        return messages;
    }

    private List<string> ReadChoices(JsonObject fields, int line)
    {
        if (_fields.ChoiceFields is { } columns)
        {
            var choices = new List<string>();
            foreach (var column in columns)
            {
                if (fields.TryGetPropertyValue(column, out var cell) && cell is JsonValue v && Scalar(v) is { Length: > 0 } text)
                {
                    choices.Add(text);
                }
            }

            return choices;
        }

        var list = ReadList(fields, _fields.Choices, line) ?? [];
        if (list.Count > ChoiceLabels.Max)
        {
            Error(line, _fields.Choices, $"has {list.Count} options; at most {ChoiceLabels.Max} (A to Z) are supported");
        }

        return list;
    }

    private List<string>? ReadList(JsonObject fields, string name, int line)
    {
        if (!fields.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && _fromCsv)
        {
            var text = value.GetValue<string>();
            if (text.Length == 0)
            {
                return null;
            }

            if (text.TrimStart().StartsWith('['))
            {
                try
                {
                    node = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    Error(line, name, "starts with '[' but is not a JSON list of text");
                    return null;
                }

                if (UnpairedSurrogates.MayContain(text) && UnpairedSurrogates.Find(System.Text.Encoding.UTF8.GetBytes(text)) is not null)
                {
                    Error(line, name, "an item " + UnpairedSurrogates.Message);
                    return null;
                }
            }
        }

        if (node is JsonValue single && Scalar(single) is { } s)
        {
            return [s];
        }

        if (node is JsonArray array)
        {
            var list = new List<string>(array.Count);
            foreach (var item in array)
            {
                if (item is JsonValue v && Scalar(v) is { } text)
                {
                    list.Add(text);
                }
                else
                {
                    Error(line, name, "must be text or a list of text");
                    return null;
                }
            }

            return list;
        }

        Error(line, name, "must be text or a list of text");
        return null;
    }

    private Dictionary<string, string> ReadMetadata(JsonObject fields, int line)
    {
        // Filled afresh for each record and copied only when no equal dictionary is shared already.
        var metadata = _metadata;
        metadata.Clear();
        foreach (var (key, value) in _defaults)
        {
            metadata[key] = value;
        }

        HashSet<string>? own = null;
        foreach (var (key, value) in fields)
        {
            // An empty CSV cell means "no value", not an empty label.
            if (!_mapped.Contains(key) && value is not null && AsText(value) is { } text && !(_fromCsv && text.Length == 0))
            {
                metadata[_shared.Key(key)] = text;
                Own(ref own, key);
            }
        }

        if (fields.TryGetPropertyValue(_fields.Metadata, out var node) && node is not null)
        {
            if (node is JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    if (value is not null && AsText(value) is { } text)
                    {
                        metadata[_shared.Key(key)] = text;
                        Own(ref own, key);
                    }
                }
            }
            else
            {
                Error(line, _fields.Metadata, "must be an object of names to values");
            }
        }

        // Values inherited from the suite's metadata were checked once, against suite.yaml; only the record's own are checked here.
        foreach (var taxonomy in _taxonomies)
        {
            if (own is not null && own.Contains(taxonomy.Name) && TaxonomyLookup.Canonicalise(metadata, taxonomy.Name, taxonomy.Entries) is { } problem)
            {
                Error(line, taxonomy.Name, problem);
            }
        }

        return metadata;
    }

    private void Error(int line, string field, string message)
    {
        _errors++;
        _diagnostics.Error(_file, line, 0, field, message);
    }

    /// <summary>Notes a record's own value for a taxonomy's field: only those are checked against the taxonomy.</summary>
    private void Own(ref HashSet<string>? own, string key)
    {
        if (_taxonomyNames.Contains(key))
        {
            (own ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
        }
    }

    private static string? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string? AsText(JsonNode node) => node is JsonValue v ? Scalar(v) : node.ToJsonString();
}
