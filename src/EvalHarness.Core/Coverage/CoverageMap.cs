using EvalHarness.Infrastructure;
using EvalHarness.Validation;

namespace EvalHarness.Coverage;

/// <summary>
/// The plan's coverage map (seeds/ai-basic-plan-risks.yaml, embedded in the harness): each risk the AI Basic
/// Plan names with where the Plan names it, its J-AISI perspectives and the suites designed to measure it;
/// the ten perspectives with their suites; and Japanese-language quality. What a run or a set of suites
/// actually covers is counted from the samples' tags (<see cref="CoverageBuilder"/>), never from this map.
/// </summary>
public sealed class CoverageMap
{
    public const string Schema = "evalharness.coverage-map/1";

    public const string FileName = "ai-basic-plan-risks.yaml";

    private const string ResourceName = "EvalHarness.Coverage." + FileName;

    private static readonly Lazy<CoverageMap> BundledMap = new(LoadBundled);

    /// <summary>The map shipped with the harness; a broken one is a build defect, caught by the tests.</summary>
    public static CoverageMap Bundled => BundledMap.Value;

    /// <summary>The text of the bundled map, as in seeds/.</summary>
    public static string BundledText => EmbeddedText.Read(typeof(CoverageMap).Assembly, ResourceName);

    public required string PlanTitle { get; init; }

    /// <summary>Which text of the Plan the citations number (the English provisional translation).</summary>
    public required string PlanText { get; init; }

    public required IReadOnlyList<CoverageMapEntry> Risks { get; init; }

    public required IReadOnlyList<CoverageMapEntry> Perspectives { get; init; }

    public required IReadOnlyList<CoverageMapEntry> Quality { get; init; }

    /// <summary>Reads a map, reporting every problem with file, line and field; null when there is any.</summary>
    public static CoverageMap? Load(string file, string text, DiagnosticBag diagnostics) => CoverageMapReader.Read(file, text, diagnostics);

    private static CoverageMap LoadBundled()
    {
        var diagnostics = new DiagnosticBag();
        return Load("seeds/" + FileName, BundledText, diagnostics)
            ?? throw new InvalidOperationException("The bundled coverage map is invalid: " + string.Join("; ", diagnostics.Items));
    }
}
