using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Infrastructure;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Loading;
using EvalHarness.Validation;

namespace EvalHarness.Judges.Calibration;

/// <summary>
/// Reads labelled items from JSON Lines files (a directory stands for its <c>*.jsonl</c> files), checking each
/// against its rubric: every problem goes to the diagnostics with file, line and field, and reading goes on so
/// one pass reports them all.
/// </summary>
public static class LabelledSetReader
{
    /// <summary>The fields an item may have; any other is reported as a likely typo (a warning).</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["id", "rubric", "language", "input", "output", "label", "hard", "note", RubricFields.Requirement, RubricFields.Context, RubricFields.Target];

    public static IReadOnlyList<string> Languages { get; } = ["ja", "en"];

    /// <summary>The items of every file, in the order given; an empty list when nothing could be read.</summary>
    /// <param name="paths">Files or directories as the user named them.</param>
    public static List<LabelledItem> Read(IReadOnlyList<string> paths, CalibrationRubrics rubrics, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(rubrics);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var items = new List<LabelledItem>();
        var seen = new Dictionary<string, LabelledItem>(StringComparer.Ordinal);
        foreach (var file in Files(paths, diagnostics))
        {
            var display = DisplayPaths.For(file);
            var text = TextFiles.Read(file, display, "utf-8", diagnostics);
            if (text is null)
            {
                continue;
            }

            foreach (var record in JsonlReader.Read(text, display, diagnostics, LoadLimits.DefaultMaxRecordBytes))
            {
                if (Item(record, display, rubrics, diagnostics) is not { } item)
                {
                    continue;
                }

                if (seen.TryGetValue(item.Id, out var first))
                {
                    diagnostics.Error(display, record.Line, 0, "id", $"the id '{item.Id}' is already used at {first.File}:{first.Line}; every item needs its own id");
                    continue;
                }

                seen[item.Id] = item;
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>Each path's file, or a directory's <c>*.jsonl</c> files (not its subdirectories) in name order.</summary>
    private static List<string> Files(IReadOnlyList<string> paths, DiagnosticBag diagnostics)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.jsonl", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    diagnostics.Error(DisplayPaths.For(path), 0, 0, null, "is a directory without any .jsonl file of labelled items");
                }

                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                diagnostics.Error(DisplayPaths.For(path), 0, 0, null, "file not found");
            }
        }

        // The same file named twice (directly and through its directory) would only report every id as a duplicate.
        return files.DistinctBy(Path.GetFullPath, StringComparer.Ordinal).ToList();
    }

    private static LabelledItem? Item(RawRecord record, string file, CalibrationRubrics rubrics, DiagnosticBag diagnostics)
    {
        var fields = record.Fields;
        var errors = diagnostics.ErrorCount;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        void Error(string field, string message)
        {
            reported.Add(field);
            diagnostics.Error(file, record.Line, 0, field, message);
        }

        foreach (var unknown in fields.Select(f => f.Key).Where(k => !Fields.Contains(k, StringComparer.Ordinal)))
        {
            var suggestion = Suggest.Closest(unknown, Fields);
            diagnostics.Warning(file, record.Line, 0, unknown, "is not a field of a labelled item and is ignored" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
        }

        var id = Text(fields, "id", Error, allowEmpty: false);
        var rubricId = Text(fields, "rubric", Error, allowEmpty: false);
        var language = Text(fields, "language", Error, allowEmpty: false);
        var input = Text(fields, "input", Error, allowEmpty: false);
        var output = Text(fields, "output", Error, allowEmpty: true);
        var note = OptionalText(fields, "note", Error);
        var hard = false;
        if (fields["hard"] is { } hardNode)
        {
            if (hardNode.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                hard = hardNode.GetValue<bool>();
            }
            else
            {
                Error("hard", "must be true or false");
            }
        }

        if (language is not null && !Languages.Contains(language, StringComparer.Ordinal))
        {
            Error("language", $"must be ja or en, not '{language}'");
            language = null;
        }

        CalibrationRubric? rubric = null;
        if (rubricId is not null && !rubrics.TryGet(rubricId, out rubric))
        {
            var suggestion = Suggest.Closest(rubricId, rubrics.Ids);
            Error("rubric", $"unknown rubric '{rubricId}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; use one of {string.Join(", ", rubrics.Ids)}, or give the rubric's file with --rubric-file");
        }

        var version = rubric is not null && language is not null ? rubric.Version(language) : null;
        if (rubric is not null && language is not null && version is null)
        {
            Error("language", $"rubric '{rubric.Id}' has no {language} version (it exists in: {string.Join(", ", rubric.Languages)}); give its {language} file with --rubric-file");
        }

        string? label = null;
        if (!fields.ContainsKey("label"))
        {
            Error("label", "is missing: every item needs the human's verdict");
        }
        else if (rubric is not null && (label = rubric.Normalise(fields["label"])) is null)
        {
            Error("label", $"{Shown(fields["label"])} is not a verdict of rubric '{rubric.Id}': expected {rubric.Describe()}");
        }

        var requirement = OptionalText(fields, RubricFields.Requirement, Error);
        var context = OptionalText(fields, RubricFields.Context, Error);
        var targets = Targets(fields, Error);
        foreach (var needed in version?.Requires ?? [])
        {
            var missing = needed switch
            {
                RubricFields.Requirement => string.IsNullOrWhiteSpace(requirement),
                RubricFields.Context => string.IsNullOrWhiteSpace(context),
                RubricFields.Target => targets.All(string.IsNullOrWhiteSpace),
                _ => false,
            };
            if (missing && !reported.Contains(needed))
            {
                Error(needed, $"is missing or empty: rubric '{rubric!.Id}' shows the judge the item's {needed}");
            }
        }

        if (diagnostics.ErrorCount > errors || id is null || rubric is null || language is null || input is null || output is null || label is null)
        {
            return null;
        }

        return new LabelledItem(id, rubric.Id, language, input, output, label, file, record.Line)
        {
            Hard = hard,
            Note = note,
            Requirement = requirement,
            Context = context,
            Targets = targets,
        };
    }

    private static string? Text(JsonObject fields, string name, Action<string, string> error, bool allowEmpty)
    {
        if (fields[name] is not { } node)
        {
            error(name, "is missing");
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            error(name, "must be text");
            return null;
        }

        var text = node.GetValue<string>();
        if (!allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            error(name, "is empty");
            return null;
        }

        return text;
    }

    private static string? OptionalText(JsonObject fields, string name, Action<string, string> error) =>
        fields[name] is null ? null : Text(fields, name, error, allowEmpty: true);

    private static List<string> Targets(JsonObject fields, Action<string, string> error)
    {
        switch (fields[RubricFields.Target])
        {
            case null:
                return [];
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return [value.GetValue<string>()];
            case JsonArray array when array.All(t => t?.GetValueKind() == JsonValueKind.String):
                return array.Select(t => t!.GetValue<string>()).ToList();
            default:
                error(RubricFields.Target, "must be text or a list of texts");
                return [];
        }
    }

    private static string Shown(JsonNode? label) => label is null ? "null" : label.ToJsonString();
}
