using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalHarness.Configuration;
using EvalHarness.Infrastructure;
using EvalHarness.Loading;
using EvalHarness.Statistics;
using EvalHarness.Validation;

namespace EvalHarness.Gating;

/// <summary>
/// Reads a gate policy (YAML). Strict: unknown fields, wrong types, impossible limits and unknown taxonomy ids are
/// diagnostics with file, line, column and field, all of them in one pass, and no policy is returned.
/// </summary>
public static partial class GatePolicyReader
{
    /// <summary>A policy is a page of rules; anything much larger is not one.</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <param name="knownMetrics">Metric names a threshold may name (a typo is then reported with a suggestion); null accepts any.</param>
    public static GatePolicy? Read(string path, DiagnosticBag diagnostics, IEnumerable<string>? knownMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var display = DisplayPaths.For(path);
        if (Directory.Exists(path))
        {
            diagnostics.Error(display, 0, 0, null, "is a directory; --policy names a policy file (YAML)");
            return null;
        }

        if (new FileInfo(path) is { Exists: true, Length: > MaxFileBytes } big)
        {
            diagnostics.Error(display, 0, 0, null, $"is {ByteSizes.Format(big.Length)}, more than the {ByteSizes.Format(MaxFileBytes)} a policy file may hold");
            return null;
        }

        var text = TextFiles.Read(path, display, "utf-8", diagnostics);
        return text is null ? null : Parse(display, text, diagnostics, knownMetrics);
    }

    public static GatePolicy? Parse(string file, string text, DiagnosticBag diagnostics, IEnumerable<string>? knownMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.ErrorCount;
        var document = YamlConfigParser.Parse(file, text, diagnostics);
        if (document is null)
        {
            return null;
        }

        if (document.Root is not JsonObject node)
        {
            diagnostics.Error(file, 1, 1, null, "a policy must be a mapping (version: 1, rules: [...])");
            return null;
        }

        var root = new ConfigSection(document, node, string.Empty, diagnostics);
        var version = root.GetInt("version", required: true);
        if (version is { } v && v != GatePolicy.CurrentVersion)
        {
            root.Error("version", $"policy version {v} is not supported; this harness reads version {GatePolicy.CurrentVersion}");
        }

        var alpha = root.GetDouble("alpha") ?? 0.05;
        if (alpha is <= 0 or >= 1)
        {
            root.Error("alpha", "must be between 0 and 1, both excluded (0.05 is usual)");
        }

        var correction = root.GetString("correction") ?? "holm";
        if (correction is not ("holm" or "bh"))
        {
            root.Error("correction", $"'{correction}' is not known; use holm (Holm–Bonferroni, the default) or bh (Benjamini–Hochberg)");
        }

        var minSamples = root.GetInt("min_samples", 0, 1_000_000) ?? GatePolicy.DefaultMinSamples;
        var rules = new List<GateRule>();
        if (root.GetArray("rules", required: true) is { } array)
        {
            if (array.Count == 0)
            {
                root.Error("rules", "is empty; a policy needs at least one rule");
            }

            var reader = new GateRuleReader(minSamples, knownMetrics?.ToHashSet(StringComparer.Ordinal));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var path = ConfigPath.Index("rules", i);
                if (array[i] is not JsonObject item)
                {
                    root.ChildSection(new JsonObject(), path).Error(null, "must be a mapping with an id and one rule kind (threshold, non_regression, coverage, max_error_rate, max_judge_error_rate)");
                    continue;
                }

                var section = root.ChildSection(item, path);
                if (reader.Read(section) is { } rule)
                {
                    if (!seen.Add(rule.Id))
                    {
                        section.Error("id", $"'{rule.Id}' is the id of an earlier rule; rule ids must be unique");
                        continue;
                    }

                    rules.Add(rule);
                }
            }
        }

        root.ReportUnknownKeys();
        if (diagnostics.ErrorCount > errors)
        {
            return null;
        }

        return new GatePolicy(file, version!.Value, alpha, correction == "bh" ? MultipleTesting.BenjaminiHochbergMethod : MultipleTesting.HolmMethod, rules)
        {
            Sha256 = Hashing.Sha256(Encoding.UTF8.GetBytes(text)),
        };
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();
}
