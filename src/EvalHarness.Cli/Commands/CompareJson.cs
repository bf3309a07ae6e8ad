using System.Text.Json;
using EvalHarness.Comparison;
using EvalHarness.Infrastructure;

namespace EvalHarness.Cli.Commands;

/// <summary>The comparison as JSON with a schema name, so scripts (and the later gate) can tell it from results.json.</summary>
internal static class CompareJson
{
    public static string Write(RunPairComparison comparison)
    {
        var node = JsonSerializer.SerializeToNode(comparison, EvalJson.Indented.GetTypeInfo(typeof(RunPairComparison)))!.AsObject();
        node.Insert(0, "schema", RunPairComparison.Schema);
        return node.ToJsonString(EvalJson.Indented);
    }
}
