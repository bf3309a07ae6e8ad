using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Validation;
using EvalHarness.Infrastructure;

namespace EvalHarness.Loading.Formats;

/// <summary>
/// One JSON document plus where each of its values starts, down to a given depth. Formats that hold many records
/// in one document (JSQuAD, llm-jp-eval) report a record's problems at the record, not at line 1;
/// JGLUE writes JSQuAD on a single line, so the column is what actually finds the record there.
/// </summary>
public sealed class LocatedJson
{
    private readonly Dictionary<string, (int Line, int Column)> _starts;

    private LocatedJson(JsonNode root, Dictionary<string, (int Line, int Column)> starts)
    {
        Root = root;
        _starts = starts;
    }

    public JsonNode Root { get; }

    /// <summary>Parses <paramref name="text"/>; null (after reporting where) when it is not valid JSON.</summary>
    /// <param name="text">The document.</param>
    /// <param name="file">The file as shown in messages.</param>
    /// <param name="indexDepth">Positions are kept for values inside at most this many containers (a JSQuAD question sits inside six); deeper ones would cost memory and are never reported.</param>
    /// <param name="diagnostics">Where a syntax error goes.</param>
    public static LocatedJson? Parse(string text, string file, int indexDepth, DiagnosticBag diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            var root = JsonNode.Parse(bytes);
            if (root is null)
            {
                diagnostics.Error(file, 1, 1, null, "the file holds only null; a JSON document is required");
                return null;
            }

            if (UnpairedSurrogates.MayContain(text) && UnpairedSurrogates.Find(bytes) is { } broken)
            {
                var (line, column) = new Utf8Cursor(bytes).MoveTo(broken.Offset);
                diagnostics.Error(file, line, column, null, "a text value " + UnpairedSurrogates.Message);
                return null;
            }

            var starts = Index(bytes, indexDepth, out var repeated);
            if (repeated is { } name)
            {
                // The parser accepts a name given twice and fails on the object's first use, far from the file.
                diagnostics.Error(file, name.Line, name.Column, name.Name, "is given twice in one object; a field may be given once");
                return null;
            }

            return new LocatedJson(root, starts);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = ColumnOf(bytes, line, ex.BytePositionInLine ?? 0);
            diagnostics.Error(file, line, column, null, "not valid JSON: " + JsonErrorText.Of(ex));
            return null;
        }
    }

    /// <summary>Line and column where the value at <paramref name="path"/> starts; (0, 0) when not indexed.</summary>
    public (int Line, int Column) PositionOf(string path) => _starts.GetValueOrDefault(path);

    /// <summary>
    /// The objects of a document that is a list, each with its fields located and its 1-based number; an element that
    /// is not an object is reported where it starts ("must be <paramref name="expected"/>, not …") and skipped.
    /// </summary>
    public IEnumerable<(SourceFields Fields, JsonObject Item, int Number)> ListedObjects(JsonArray list, string file, DiagnosticBag diagnostics, string expected)
    {
        ArgumentNullException.ThrowIfNull(list);
        for (var i = 0; i < list.Count; i++)
        {
            var path = ConfigPath.Index(string.Empty, i);
            var (line, column) = PositionOf(path);
            if (list[i] is not JsonObject item)
            {
                diagnostics.Error(file, line, column, path, $"must be {expected}, not {SourceFields.Describe(list[i])}");
                continue;
            }

            yield return (new SourceFields(item, path, file, line, column, diagnostics), item, i + 1);
        }
    }

    /// <param name="repeated">The first name given twice in one object, where it is given the second time.</param>
    private static Dictionary<string, (int Line, int Column)> Index(byte[] bytes, int indexDepth, out (string Name, int Line, int Column)? repeated)
    {
        var starts = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var cursor = new Utf8Cursor(bytes);
        var frames = new List<Frame>();
        string? property = null;
        repeated = null;
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString()!;
                    if (repeated is null && !frames[^1].Names!.Add(property))
                    {
                        var (line, column) = cursor.MoveTo(reader.TokenStartIndex);
                        repeated = (property, line, column);
                    }

                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = NextPath(frames, property);
                    if (path is not null && frames.Count <= indexDepth)
                    {
                        starts[path] = cursor.MoveTo(reader.TokenStartIndex);
                    }

                    frames.Add(new Frame(frames.Count < indexDepth ? path : null, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    // A scalar where a record should be (a string in a list of objects) is reported at itself.
                    if (NextPath(frames, property) is { } scalar && frames.Count <= indexDepth)
                    {
                        starts[scalar] = cursor.MoveTo(reader.TokenStartIndex);
                    }

                    break;
            }
        }

        return starts;
    }

    /// <summary>The path of the value about to start; advances the index of an enclosing list.</summary>
    private static string? NextPath(List<Frame> frames, string? property)
    {
        if (frames.Count == 0)
        {
            return string.Empty;
        }

        var parent = frames[^1];
        if (parent.IsList)
        {
            var index = parent.Next++;
            return parent.Path is null ? null : ConfigPath.Index(parent.Path, index);
        }

        return parent.Path is null ? null : ConfigPath.Child(parent.Path, property ?? string.Empty);
    }

    private static int ColumnOf(byte[] bytes, int line, long bytePositionInLine)
    {
        var offset = 0;
        for (var current = 1; current < line && offset < bytes.Length; offset++)
        {
            if (bytes[offset] == (byte)'\n')
            {
                current++;
            }
        }

        var cursor = new Utf8Cursor(bytes, offset);
        return cursor.MoveTo(Math.Min(bytes.Length, offset + bytePositionInLine)).Column;
    }

    private sealed class Frame(string? path, bool isList)
    {
        public string? Path { get; } = path;

        public bool IsList { get; } = isList;

        public int Next { get; set; }

        public HashSet<string>? Names { get; } = isList ? null : new(StringComparer.Ordinal);
    }
}
