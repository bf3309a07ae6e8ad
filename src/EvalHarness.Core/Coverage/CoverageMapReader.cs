using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Taxonomy;
using EvalHarness.Validation;

namespace EvalHarness.Coverage;

/// <summary>Reads the coverage map's YAML; every problem becomes a diagnostic with file, line and field.</summary>
internal static class CoverageMapReader
{
    private enum Kind
    {
        Risk,
        Perspective,
        Quality,
    }

    public static CoverageMap? Read(string file, string text, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        var document = YamlConfigParser.Parse(file, text, diagnostics);
        if (document is null)
        {
            return null;
        }

        if (document.Root is not JsonObject root)
        {
            diagnostics.Error(file, 1, 0, null, "must be a mapping with schema, plan, risks, perspectives and quality");
            return null;
        }

        var top = new ConfigSection(document, root, string.Empty, diagnostics);
        if (top.GetString("schema", required: true) is { } schema && schema != CoverageMap.Schema)
        {
            top.Error("schema", $"'{schema}' is not supported; this harness reads {CoverageMap.Schema}");
        }

        var plan = top.GetSection("plan", required: true);
        var title = plan?.GetString("title", required: true);
        var planText = plan?.GetString("text", required: true);
        plan?.ReportUnknownKeys();
        var risks = Entries(top, "risks", RiskCategories.All, Kind.Risk);
        var perspectives = Entries(top, "perspectives", Taxonomy.Perspectives.All, Kind.Perspective);
        var quality = Entries(top, "quality", QualityCategories.All, Kind.Quality);
        top.ReportUnknownKeys();
        if (diagnostics.ErrorCount > errors)
        {
            return null;
        }

        return new CoverageMap { PlanTitle = title!, PlanText = planText!, Risks = risks, Perspectives = perspectives, Quality = quality };
    }

    private static List<CoverageMapEntry> Entries(ConfigSection top, string key, IReadOnlyList<TaxonomyEntry> taxonomy, Kind kind)
    {
        var entries = new List<CoverageMapEntry>();
        if (top.GetArray(key, required: true) is not { } array)
        {
            return entries;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var path = ConfigPath.Index(top.FieldPath(key), i);
            if (array[i] is not JsonObject node)
            {
                top.ChildSection(new JsonObject(), path).Error(null, "must be a mapping with an id");
                continue;
            }

            var item = top.ChildSection(node, path);
            if (Entry(item, taxonomy, kind) is not { } entry)
            {
                continue;
            }

            if (seen.TryGetValue(entry.Id, out var first))
            {
                item.Error("id", $"'{entry.Id}' is listed twice (also {ConfigPath.Index(top.FieldPath(key), first)}); list each once");
                continue;
            }

            seen[entry.Id] = i;
            entries.Add(entry);
        }

        foreach (var missing in taxonomy.Where(t => !seen.ContainsKey(t.Id)))
        {
            top.Error(key, $"has no entry for '{missing.Id}'; every {Noun(kind)} of the taxonomy is listed, covered or not");
        }

        // The taxonomy's order, whatever the file's: reports list entries the same way everywhere.
        return entries.OrderBy(e => taxonomy.ToList().FindIndex(t => t.Id == e.Id)).ToList();
    }

    private static CoverageMapEntry? Entry(ConfigSection item, IReadOnlyList<TaxonomyEntry> taxonomy, Kind kind)
    {
        var id = item.GetString("id", required: true);
        if (id is not null && !taxonomy.Any(t => t.Id == id))
        {
            var suggestion = Suggest.Closest(id, taxonomy.Select(t => t.Id));
            item.Error("id", $"'{id}' is not a {Noun(kind)} id" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; use one of: {string.Join(", ", taxonomy.Select(t => t.Id))}");
            id = null;
        }

        string? group = null;
        IReadOnlyList<string> perspectives = [];
        if (kind == Kind.Risk)
        {
            group = item.GetString("group", required: true);
            if (group is not null && !RiskGroups.All.Any(g => g.Id == group))
            {
                item.Error("group", $"'{group}' is not one of the Plan's groups: {string.Join(", ", RiskGroups.All.Select(g => g.Id))}");
            }

            perspectives = Perspectives(item);
        }

        var plan = kind == Kind.Perspective ? [] : Plan(item);
        var suites = Suites(item);
        var note = item.GetString("note");
        if (suites.Count == 0 && string.IsNullOrWhiteSpace(note) && item.Has("suites"))
        {
            item.Error("suites", "is empty: say in 'note' why no suite can measure it");
        }

        item.ReportUnknownKeys();
        return id is null ? null : new CoverageMapEntry(id, group, plan, perspectives, suites, note);
    }

    private static List<string> Perspectives(ConfigSection item)
    {
        var list = new List<string>();
        foreach (var value in item.GetStringList("perspectives", required: true) ?? [])
        {
            if (Taxonomy.Perspectives.All.Any(p => p.Id == value))
            {
                list.Add(value);
            }
            else
            {
                var suggestion = Suggest.Closest(value, Taxonomy.Perspectives.All.Select(p => p.Id));
                item.Error("perspectives", $"'{value}' is not a perspective id" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
            }
        }

        return list;
    }

    private static List<PlanSection> Plan(ConfigSection item)
    {
        var sections = new List<PlanSection>();
        if (item.GetArray("plan", required: true) is not { } array)
        {
            return sections;
        }

        if (array.Count == 0)
        {
            item.Error("plan", "is empty: cite where the Plan names it");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var path = ConfigPath.Index(item.FieldPath("plan"), i);
            if (array[i] is not JsonObject node)
            {
                item.ChildSection(new JsonObject(), path).Error(null, "must be a mapping: {chapter, section, heading, item, paragraph, about}");
                continue;
            }

            var cite = item.ChildSection(node, path);
            var chapter = cite.GetInt("chapter", 1, 4, required: true);
            var section = cite.GetInt("section", 1, 4);
            var heading = cite.GetString("heading");
            var numbered = cite.GetString("item");
            var paragraph = cite.GetInt("paragraph", 1, 100);
            var about = cite.GetString("about", required: true);
            if (!node.ContainsKey("item") && !node.ContainsKey("paragraph"))
            {
                cite.Error(null, "needs a paragraph or an item: cite the place, not only the chapter");
            }

            cite.ReportUnknownKeys();
            if (chapter is { } c && about is not null)
            {
                sections.Add(new PlanSection(c, section, heading, numbered, paragraph, about));
            }
        }

        return sections;
    }

    private static List<DesignedSuite> Suites(ConfigSection item)
    {
        var suites = new List<DesignedSuite>();
        if (item.GetArray("suites", required: true) is not { } array)
        {
            return suites;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var path = ConfigPath.Index(item.FieldPath("suites"), i);
            switch (array[i])
            {
                case JsonValue value when value.TryGetValue<string>(out var name) && name.Trim().Length > 0:
                    suites.Add(new DesignedSuite(name.Trim(), []));
                    break;
                case JsonObject node:
                    var suite = item.ChildSection(node, path);
                    var suiteName = suite.GetString("suite", required: true);
                    var scorers = suite.GetStringList("scorers") ?? [];
                    var covers = suite.GetString("covers");
                    suite.ReportUnknownKeys();
                    if (suiteName is not null)
                    {
                        suites.Add(new DesignedSuite(suiteName, scorers, covers));
                    }

                    break;
                default:
                    item.ChildSection(new JsonObject(), path).Error(null, "must be a suite name or a mapping {suite, scorers, covers}");
                    break;
            }
        }

        return suites;
    }

    private static string Noun(Kind kind) => kind switch
    {
        Kind.Risk => "risk",
        Kind.Perspective => "perspective",
        _ => "quality category",
    };
}
