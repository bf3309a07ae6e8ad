namespace EvalHarness.Evidence;

/// <summary>The entry names of an evidence pack (docs/procurement.md).</summary>
public static class EvidenceLayout
{
    public const string Manifest = "manifest.json";
    public const string Signature = "manifest.sig";
    public const string RunFolder = "run/";
    public const string Log = "run/log.jsonl";
    public const string Results = "run/results.json";
    public const string Gate = "run/gate.json";
    public const string GatePolicy = "gate/policy.yaml";
    public const string SuiteFilesFolder = "suite-files/";
    public const string Taxonomy = "taxonomy/ai-basic-plan-risks.yaml";
    public const string RubricsFolder = "rubrics/";

    /// <summary>The run directory's files a pack carries besides the log and results, when present.</summary>
    public static IReadOnlyList<string> RunOutputs { get; } =
        ["report.html", "report.md", "report.json", "samples.csv", "report.pdf", "gate.json"];

    /// <summary>A name from a run (a scorer id, a file name) as one safe path segment.</summary>
    public static string Segment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        var segment = new string(chars).Trim('.');
        return segment.Length == 0 ? "_" : segment;
    }
}
