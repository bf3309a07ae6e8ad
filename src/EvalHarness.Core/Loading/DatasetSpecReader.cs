using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Infrastructure;

namespace EvalHarness.Loading;

/// <summary>Reads a suite's <c>dataset</c> entry: where the data is, its format, encoding and field names.</summary>
internal static class DatasetSpecReader
{
    public static DatasetSpec? Read(ConfigSection root, string directory, DatasetFormatCatalog formats, ReadablePaths readable)
    {
        var node = root.GetNode("dataset");
        ConfigSection section;
        if (node is JsonValue)
        {
            section = root.ChildSection(new JsonObject { ["path"] = node.DeepClone() }, root.FieldPath("dataset"));
        }
        else if (root.GetSection("dataset", required: true) is { } s)
        {
            section = s;
        }
        else
        {
            return null;
        }

        var relative = section.GetString("path", required: true);
        var formatName = section.GetString("format");
        var encoding = section.GetString("encoding") ?? "utf-8";
        var delimiter = section.GetString("delimiter") ?? ",";
        var fields = section.GetSection("fields") is { } f ? ReadFieldMapping(f) : null;
        var fewShots = section.GetInt("few_shots", 0, 1000);
        section.ReportUnknownKeys();

        if (!TextFiles.EncodingNames.Contains(encoding.ToLowerInvariant()))
        {
            section.Error("encoding", $"'{encoding}' is not supported; use one of: {string.Join(", ", TextFiles.EncodingNames)}");
            return null;
        }

        if (delimiter.Length != 1)
        {
            section.Error("delimiter", "must be a single character (\",\", \";\", or \"\\t\" for tabs)");
            return null;
        }

        // Confinement first: a suite must not learn anything about files outside its tree, not even
        // whether they exist or what kind they are.
        var full = relative is null ? null : Path.GetFullPath(Path.Combine(directory, relative));
        if (full is not null && !readable.Check(section, "path", full))
        {
            return null;
        }

        if (full is not null && Directory.Exists(full))
        {
            section.Error("path", $"{DisplayPaths.For(full)} is a directory; dataset.path must name the data file itself");
            return null;
        }

        var format = ResolveFormat(section, formatName, relative, formats);
        if (full is null || format is null)
        {
            return null;
        }

        if (fields is not null && !format.MapsFields)
        {
            var mapping = string.Join(", ", formats.All.Where(x => x.MapsFields).Select(x => x.Name));
            section.Error("fields", $"the {format.Name} format names its own fields; dataset.fields applies only to {mapping}");
            return null;
        }

        if (fewShots is not null && !format.UsesFewShots)
        {
            section.Error("few_shots", $"the {format.Name} format has no few-shot examples; dataset.few_shots applies only to {string.Join(", ", formats.All.Where(x => x.UsesFewShots).Select(x => x.Name))}");
            return null;
        }

        return new DatasetSpec(full, DisplayPaths.For(full), format, encoding.ToLowerInvariant(), delimiter[0], fields ?? FieldMapping.Default) { FewShots = fewShots };
    }

    private static IDatasetFormat? ResolveFormat(ConfigSection section, string? name, string? relative, DatasetFormatCatalog formats)
    {
        if (name is not null)
        {
            if (formats.TryGet(name, out var named))
            {
                return named;
            }

            var suggestion = Suggest.Closest(name, formats.Names);
            section.Error("format", $"unknown format '{name}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; known formats: {string.Join(", ", formats.Names)}");
            return null;
        }

        if (relative is null)
        {
            return null;
        }

        var extension = Path.GetExtension(relative);
        if (formats.ForExtension(extension) is { } inferred)
        {
            return inferred;
        }

        var what = extension.Length == 0 ? "the file has no extension" : $"the extension '{extension}' does not say which format the file is in";
        section.Error("path", $"{what}; set dataset.format to one of: {string.Join(", ", formats.Names)}");
        return null;
    }

    private static FieldMapping ReadFieldMapping(ConfigSection f)
    {
        var defaults = FieldMapping.Default;
        IReadOnlyList<string>? choiceFields = null;
        var choices = defaults.Choices;
        if (f.GetNode("choices") is JsonArray)
        {
            choiceFields = f.GetStringList("choices");
        }
        else
        {
            choices = f.GetString("choices") ?? defaults.Choices;
        }

        var mapping = new FieldMapping(
            f.GetString("id") ?? defaults.Id,
            f.GetString("input") ?? defaults.Input,
            f.GetString("target") ?? defaults.Target,
            choices,
            choiceFields,
            f.GetString("metadata") ?? defaults.Metadata,
            f.GetString("scorers") ?? defaults.Scorers);
        f.ReportUnknownKeys();
        return mapping;
    }
}
