using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// Sample ids for rows without an <c>ID</c>. J-AISI's six preset files have none; aisev numbers their rows
/// <c>Toxic_1</c>, <c>Misinfo_1</c>, … when it loads them, and those are the ids used here, so a sample can be
/// found by the name aisev gives it. Any other file's rows are named by their line.
/// </summary>
internal static partial class AisevIds
{
    private static readonly Dictionary<string, string> PresetPrefixes = new(StringComparer.Ordinal)
    {
        ["toxic"] = "Toxic",
        ["misinformation"] = "Misinfo",
        ["fairness"] = "Fairness",
        ["security"] = "Security",
        ["explainability"] = "Explain",
        ["robustness"] = "Robustness",
    };

    /// <summary>The preset's id prefix when <paramref name="file"/> is named like one of J-AISI's preset files, else null.</summary>
    public static string? PresetPrefix(string file) =>
        PresetName().Match(Path.GetFileName(file)) is { Success: true } m ? PresetPrefixes[m.Groups[1].Value] : null;

    public static string Synthetic(string? presetPrefix, AisevRow row) => presetPrefix is null
        ? "line-" + row.Line.ToString(CultureInfo.InvariantCulture)
        : presetPrefix + "_" + row.Ordinal.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{2}_aisi_(toxic|misinformation|fairness|security|explainability|robustness)_v[0-9.]+\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex PresetName();
}
