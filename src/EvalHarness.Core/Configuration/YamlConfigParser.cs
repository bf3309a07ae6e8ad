using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalHarness.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EvalHarness.Configuration;

/// <summary>
/// Parses YAML into JSON nodes using the YAML 1.2 core schema for plain scalars
/// (so <c>yes</c> stays a string), remembering the position of every field.
/// </summary>
public static partial class YamlConfigParser
{
    public static ConfigDocument? Parse(string file, string text, DiagnosticBag diagnostics)
    {
        if (!CheckSyntax(file, text, diagnostics))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var reason = StripMark(ex.InnerException?.Message ?? ex.Message);
            if (reason.StartsWith("Duplicate key ", StringComparison.Ordinal))
            {
                diagnostics.Error(file, (int)ex.Start.Line, (int)ex.Start.Column, reason["Duplicate key ".Length..].Trim(), "appears twice in the same mapping");
            }
            else
            {
                diagnostics.Error(file, (int)ex.Start.Line, (int)ex.Start.Column, null, "not valid YAML: " + reason);
            }

            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Error(file, 0, 0, null, "the file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(file, (int)stream.Documents[1].RootNode.Start.Line, 0, null, "expected one YAML document, found several");
            return null;
        }

        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var root = Convert(stream.Documents[0].RootNode, string.Empty, positions, file, diagnostics);
        return new ConfigDocument(file, root, positions);
    }

    /// <summary>
    /// Runs the event parser alone first: on some malformed input YamlDotNet fails with an exception that
    /// carries no position, and the last event that did parse is the best place to point the user at. The
    /// same pass refuses documents whose aliases would expand without bound, before anything is built.
    /// </summary>
    private static bool CheckSyntax(string file, string text, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var size = new YamlSizeGuard();
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
                if (size.Accept(parser.Current) is { } problem)
                {
                    diagnostics.Error(file, (int)parser.Current.Start.Line, (int)parser.Current.Start.Column, null, problem);
                    return false;
                }
            }

            return true;
        }
        catch (YamlException ex)
        {
            var reason = StripMark(ex.InnerException?.Message ?? ex.Message);
            if (reason.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindTabIndent(text, (int)ex.Start.Line) is { } tab)
            {
                diagnostics.Error(file, tab.Line, tab.Column, null, "not valid YAML: a tab indents this line; YAML indents with spaces only");
            }
            else
            {
                diagnostics.Error(file, (int)ex.Start.Line, (int)ex.Start.Column, null, "not valid YAML: " + reason);
            }
        }
        catch (InvalidOperationException)
        {
            diagnostics.Error(file, (int)Math.Max(1, last.Line), 0, null, "not valid YAML: the structure breaks after this line (an unclosed bracket or quote?)");
        }

        return false;
    }

    /// <summary>
    /// The first tab in a line's indentation at or after <paramref name="fromLine"/>: YamlDotNet reports a tab
    /// indent at the start of the enclosing mapping (often line 1), far from the tab itself.
    /// </summary>
    private static SourcePosition? FindTabIndent(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
            {
                if (line[c] == '\t')
                {
                    return new SourcePosition(i + 1, c + 1);
                }
            }
        }

        return null;
    }

    private static JsonNode? Convert(YamlNode node, string path, Dictionary<string, SourcePosition> positions, string file, DiagnosticBag diagnostics)
    {
        positions[path] = new SourcePosition((int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode map:
            {
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in map.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        diagnostics.Error(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column, path.Length == 0 ? null : path, "mapping keys must be plain text");
                        continue;
                    }

                    var childPath = ConfigPath.Child(path, key);
                    if (obj.ContainsKey(key))
                    {
                        diagnostics.Error(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column, childPath, "appears twice in the same mapping");
                        continue;
                    }

                    obj[key] = Convert(valueNode, childPath, positions, file, diagnostics);
                    positions[childPath] = new SourcePosition((int)keyNode.Start.Line, (int)keyNode.Start.Column);
                }

                return obj;
            }

            case YamlSequenceNode seq:
            {
                var array = new JsonArray();
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    array.Add(Convert(seq.Children[i], ConfigPath.Index(path, i), positions, file, diagnostics));
                }

                return array;
            }

            case YamlScalarNode scalar:
                return ConvertScalar(scalar);

            default:
                return null;
        }
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value.Length == 0 || value is "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (value is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(value);
    }

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...)": the position is reported separately.
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
