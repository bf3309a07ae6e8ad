using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalHarness.Configuration;
using EvalHarness.Infrastructure;
using EvalHarness.Validation;

namespace EvalHarness.Judges.Rubrics;

/// <summary>
/// Reads a rubric file: a <c>---</c> line, YAML front matter, a closing <c>---</c> line, then the prompt template.
/// Every problem is reported with file, line and field, and a rubric with any problem is not returned.
/// </summary>
internal static partial class RubricParser
{
    private const string TemplateField = "template";

    public static Rubric? Parse(byte[] bytes, string file, string source, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var text = Decode(bytes, file, diagnostics);
        if (text is null)
        {
            return null;
        }

        var lineStarts = LineStarts(text);
        if (LineText(text, lineStarts, 0) != "---")
        {
            diagnostics.Error(file, 1, 1, null, "a rubric file starts with a '---' line, then YAML front matter (id, language, description, verdict), a closing '---' line and the prompt template");
            return null;
        }

        var closing = Enumerable.Range(1, lineStarts.Count - 1).FirstOrDefault(i => LineText(text, lineStarts, i) == "---");
        if (closing == 0)
        {
            diagnostics.Error(file, 1, 1, null, "the front matter opened on line 1 is never closed by a '---' line");
            return null;
        }

        var frontMatter = text[..lineStarts[closing]];
        if (string.IsNullOrWhiteSpace(frontMatter[3..]))
        {
            diagnostics.Error(file, 1, 1, null, "the front matter is empty; it needs id, language, description and verdict");
            return null;
        }

        // The opening '---' is a YAML document start, so line numbers in the front matter are the file's own.
        var document = YamlConfigParser.Parse(file, frontMatter, diagnostics);
        if (document?.Root is not JsonObject node)
        {
            if (document is not null)
            {
                diagnostics.Error(file, 2, 1, null, "the front matter must be a mapping (id: ..., language: ..., verdict: ...)");
            }

            return null;
        }

        var root = new ConfigSection(document, node, string.Empty, diagnostics);
        var id = root.GetString("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            root.Error("id", "must be lower-case letters, digits and '-' (suites and run logs name the rubric by it)");
        }

        var language = root.GetString("language", required: true);
        if (language is not null and not ("ja" or "en"))
        {
            root.Error("language", "must be ja or en");
        }

        var description = root.GetString("description", required: true);
        if (description is not null && string.IsNullOrWhiteSpace(description))
        {
            root.Error("description", "must not be empty");
        }

        var system = root.GetString("system");
        var verdict = root.GetSection("verdict", required: true) is { } verdictSection ? VerdictSectionReader.Read(verdictSection) : null;
        var requires = ReadRequires(root);
        root.ReportUnknownKeys();
        CheckSystem(root, system);

        var bodyStart = closing + 1 < lineStarts.Count ? lineStarts[closing + 1] : text.Length;
        var body = text[bodyStart..];
        CheckTemplate(body, closing + 2, file, root, requires, diagnostics);

        if (diagnostics.ErrorCount > errorsBefore || id is null || language is null || description is null || verdict is null)
        {
            return null;
        }

        // The hash names the exact file; the prompt itself is the same whichever line ends the file was saved with.
        var template = body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\n').TrimEnd();
        return new Rubric(id, language, description.Trim(), system, template, verdict, requires, source, Hashing.Sha256(bytes))
        {
            IdLine = document.PositionOf("id").Line,
        };
    }

    private static List<string> ReadRequires(ConfigSection root)
    {
        var requires = new List<string>();
        foreach (var field in root.GetStringList("requires") ?? [])
        {
            if (!RubricFields.Requirable.Contains(field, StringComparer.Ordinal))
            {
                root.Error("requires", $"'{field}' is not a sample field a rubric can require; use {string.Join(", ", RubricFields.Requirable)}");
            }
            else if (requires.Contains(field, StringComparer.Ordinal))
            {
                root.Error("requires", $"lists '{field}' twice");
            }
            else
            {
                requires.Add(field);
            }
        }

        return requires;
    }

    private static void CheckSystem(ConfigSection root, string? system)
    {
        if (system is null)
        {
            return;
        }

        foreach (var (name, _) in TemplateScanner.Placeholders(system).Where(p => RubricFields.Placeholders.Contains(p.Name, StringComparer.Ordinal)).Take(1))
        {
            root.Error("system", $"is sent as written, so {{{name}}} would reach the judge literally; placeholders are filled in the template after the front matter");
        }
    }

    private static void CheckTemplate(string body, int firstLine, string file, ConfigSection root, List<string> requires, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            diagnostics.Error(file, firstLine - 1, 0, TemplateField, "the prompt template after the front matter is empty");
            return;
        }

        var placeholders = TemplateScanner.Placeholders(body);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, index) in placeholders)
        {
            if (!used.Add(name))
            {
                continue;
            }

            var (line, column) = Position(body, index, firstLine);
            if (!RubricFields.Placeholders.Contains(name, StringComparer.Ordinal))
            {
                var suggestion = Suggest.Closest(name, RubricFields.Placeholders) is { } s ? $" (did you mean {{{s}}}?)" : string.Empty;
                diagnostics.Error(file, line, column, TemplateField,
                    $"unknown placeholder {{{name}}}{suggestion}; a rubric can use {string.Join(", ", RubricFields.Placeholders.Select(p => "{" + p + "}"))}, and writes {{{{ and }}}} for literal braces");
            }
            else if (RubricFields.Requirable.Contains(name, StringComparer.Ordinal) && !requires.Contains(name, StringComparer.Ordinal))
            {
                diagnostics.Error(file, line, column, "requires", $"the template uses {{{name}}}, so requires must list {name} (a sample without it cannot be judged)");
            }
        }

        if (!used.Contains(RubricFields.Output))
        {
            diagnostics.Error(file, firstLine, 0, TemplateField, "the template never shows the judge the answer: it must use {output}");
        }

        foreach (var field in requires.Where(f => !used.Contains(f)))
        {
            root.Error("requires", $"lists {field}, but the template never uses {{{field}}}");
        }
    }

    private static (int Line, int Column) Position(string body, int index, int firstLine)
    {
        var before = body.AsSpan(0, index);
        var line = firstLine + before.Count('\n');
        var lastBreak = before.LastIndexOf('\n');
        return (line, index - lastBreak);
    }

    private static string? Decode(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var offset = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? offset + ex.Index : 0;
            var line = 1 + bytes.AsSpan(0, Math.Min(at, bytes.Length)).Count((byte)'\n');
            diagnostics.Error(file, line, 0, null, "is not valid UTF-8; rubric files are UTF-8 text");
            return null;
        }
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>A line without its line break; trailing spaces do not stop a '---' line from counting.</summary>
    private static string LineText(string text, List<int> starts, int line)
    {
        var end = line + 1 < starts.Count ? starts[line + 1] : text.Length;
        return text[starts[line]..end].TrimEnd();
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
