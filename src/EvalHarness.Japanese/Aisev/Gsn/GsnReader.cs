using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalHarness.Configuration;
using EvalHarness.Infrastructure;
using EvalHarness.Loading;
using EvalHarness.Taxonomy;
using EvalHarness.Validation;

namespace EvalHarness.Japanese.Aisev.Gsn;

/// <summary>
/// Reads one of aisev's GSN files (a YAML mapping of node ids to nodes) and weighs its leaves the way aisev's
/// GSN explorer does, quirks included, so the weights and therefore the scores are aisev's own.
/// </summary>
internal static partial class GsnReader
{
    private const string TopGoal = "TopGoal";

    public static GsnTree? Read(string path, DiagnosticBag diagnostics)
    {
        var display = DisplayPaths.For(path);
        var errorsBefore = diagnostics.ErrorCount;
        var text = TextFiles.Read(path, display, "utf-8", diagnostics);
        if (text is null)
        {
            return null;
        }

        // J-AISI's files 01 and 02 carry vertical tabs inside URLs, which YAML rejects; aisev deletes them before
        // parsing. Deleting a character inside a line keeps every line number.
        var document = YamlConfigParser.Parse(display, text.Replace("\v", string.Empty, StringComparison.Ordinal), diagnostics);
        if (document?.Root is not JsonObject root)
        {
            if (document is not null)
            {
                diagnostics.Error(display, 1, 1, null, "a GSN file is a mapping of node ids (G8-1, S8-1, ...) to nodes");
            }

            return null;
        }

        var nodes = new Dictionary<string, ConfigSection>(StringComparer.Ordinal);
        foreach (var (id, node) in root)
        {
            var section = new ConfigSection(document, node as JsonObject ?? new JsonObject(), id, diagnostics);
            if (node is JsonObject)
            {
                nodes[id] = section;
            }
            else
            {
                section.Error(null, "each node is a mapping (goalType, text, supportedBy, scoreRate, undeveloped, ...)");
            }
        }

        var top = nodes.Values.FirstOrDefault(n => n.Node["goalType"] is JsonValue v && v.TryGetValue<string>(out var t) && t == TopGoal);
        if (top is null)
        {
            diagnostics.Error(display, 1, 1, "goalType", "no node has goalType: TopGoal, so the file has no root to weigh its leaves from");
            return null;
        }

        var number = Number(path, top, display, diagnostics);
        var children = Children(top);
        if (children is not { Count: > 0 })
        {
            top.Error("supportedBy", "the top goal must be supported by at least one node");
            return null;
        }

        var leaves = new List<(string Id, double Weight)>();
        new Walk(nodes, leaves).Explore(top, children[0], 1.0, []);
        if (diagnostics.ErrorCount > errorsBefore || number is null)
        {
            return null;
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, weight) in leaves)
        {
            weights[id] = weight;
        }

        var ordered = leaves.Select(l => l.Id).Distinct(StringComparer.Ordinal)
            .Select(id => new GsnLeaf(id, weights[id], PerspectiveOf(id, number.Value), display))
            .ToList();
        return new GsnTree(display, Hashing.Sha256File(path), number.Value, ordered);
    }

    /// <summary>aisev's rule: a leaf belongs to the perspective its id names (<c>G10…</c> is 10, else <c>G&lt;n&gt;</c>).</summary>
    public static string PerspectiveOf(string leaf, int fileNumber)
    {
        var number = leaf.StartsWith("G10", StringComparison.Ordinal) ? 10
            : leaf.Length >= 2 && leaf[0] == 'G' && leaf[1] is >= '1' and <= '9' ? leaf[1] - '0'
            : fileNumber;
        return Perspectives.All[number - 1].Id;
    }

    private static int? Number(string path, ConfigSection top, string display, DiagnosticBag diagnostics)
    {
        var fromName = FilePrefix().Match(Path.GetFileName(path)) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        var fromGoal = TopGoalId().Match(top.Path) is { Success: true } g && int.TryParse(g.Groups[1].Value, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        if (fromName is { } a && fromGoal is { } b && a != b)
        {
            top.Error(null, $"the file name says perspective {a}, but the top goal is G{b}-1; rename the file or fix the goal");
            return null;
        }

        var number = fromName ?? fromGoal;
        if (number is not (>= 1 and <= 10))
        {
            diagnostics.Error(display, 0, 0, null, "cannot tell which of the ten perspectives this GSN file is for: name it NN_….yaml (01 to 10), as aisev's files are, or give its top goal the id G<n>-1");
            return null;
        }

        return number;
    }

    private static List<string>? Children(ConfigSection node)
    {
        if (node.GetNode("supportedBy") is null)
        {
            return null;
        }

        return node.GetStringList("supportedBy")?.ToList();
    }

    private static List<double>? Rates(ConfigSection node)
    {
        if (node.GetNode("scoreRate") is not { } rates)
        {
            return null;
        }

        if (rates is not JsonArray array || array.Any(r => r is not JsonValue v || v.GetValueKind() != JsonValueKind.Number))
        {
            node.Error("scoreRate", "must be a list of numbers, one per node in supportedBy");
            return [];
        }

        return array.Select(r => r!.GetValue<double>()).ToList();
    }

    private static bool Truthy(JsonNode? node) => node is JsonValue v && v.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => v.GetValue<double>() != 0,
        JsonValueKind.String => v.GetValue<string>().Length > 0,
        _ => false,
    };

    [GeneratedRegex(@"^(\d{2})_", RegexOptions.CultureInvariant)]
    private static partial Regex FilePrefix();

    [GeneratedRegex(@"^G(\d+)-1$", RegexOptions.CultureInvariant)]
    private static partial Regex TopGoalId();

    /// <summary>aisev's depth-first walk from the top goal's first child.</summary>
    private sealed class Walk(Dictionary<string, ConfigSection> nodes, List<(string Id, double Weight)> leaves)
    {
        public void Explore(ConfigSection parent, string id, double rate, HashSet<string> path)
        {
            if (!nodes.TryGetValue(id, out var node))
            {
                parent.Error("supportedBy", $"names '{id}', which is not a node of this file");
                return;
            }

            if (!path.Add(id))
            {
                parent.Error("supportedBy", $"names '{id}', which supports this node already: the goals form a cycle");
                return;
            }

            if (Truthy(node.GetNode("undeveloped")))
            {
                leaves.Add((id, rate));
            }
            else if (Rates(node) is not { } rates)
            {
                foreach (var child in Children(node) ?? [])
                {
                    Explore(node, child, rate, path);
                }
            }
            else
            {
                // aisev pairs children with rates and ignores the surplus of the longer list. Under a strategy
                // S<n>-1 it restarts the product from that rate alone (harmless where S<n>-1 hangs from the top goal).
                var restart = id.StartsWith('S') && id.EndsWith("-1", StringComparison.Ordinal);
                foreach (var (child, r) in (Children(node) ?? []).Zip(rates))
                {
                    Explore(node, child, restart ? r : rate * r, path);
                }
            }

            path.Remove(id);
        }
    }
}
