using System.Globalization;
using EvalHarness.Configuration;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Constraints configured rather than read from the prompt: scorer options for the whole suite, sample
/// metadata (same keys) for one sample. Metadata wins over options, and a configured kind replaces what
/// the prompt states about that kind, so a suite can correct a misread prompt.
/// </summary>
internal sealed record ComplianceSettings(ComplianceSetting? MaxChars, ComplianceSetting? MinChars, ComplianceSetting? Bullets, ComplianceSetting? Json)
{
    public const string MaxCharsKey = "max_chars";
    public const string MinCharsKey = "min_chars";
    public const string BulletsKey = "bullets";
    public const string FormatKey = "format";

    /// <summary>The sample metadata keys read, in the order their problems are reported.</summary>
    public static IReadOnlyList<string> MetadataKeys { get; } = [MaxCharsKey, MinCharsKey, BulletsKey, FormatKey];

    public static ComplianceSettings None { get; } = new(null, null, null, null);

    public static ComplianceSettings FromOptions(ConfigSection options)
    {
        var format = options.GetString(FormatKey);
        if (format is not null && !IsJson(format))
        {
            options.Error(FormatKey, $"the only checked format is 'json', not '{format}'");
        }

        return new ComplianceSettings(
            Option(options.GetInt(MaxCharsKey, min: 1), MaxCharsKey),
            Option(options.GetInt(MinCharsKey, min: 0), MinCharsKey),
            Option(options.GetInt(BulletsKey, min: 1, max: 100), BulletsKey),
            format is not null && IsJson(format) ? new ComplianceSetting(1, "option format: json") : null);
    }

    public static (ComplianceSettings Settings, string? Error) FromMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        var errors = new List<string>();
        var settings = new ComplianceSettings(
            Number(metadata, MaxCharsKey, 1, errors),
            Number(metadata, MinCharsKey, 0, errors),
            Number(metadata, BulletsKey, 1, errors),
            null);
        if (metadata.TryGetValue(FormatKey, out var format))
        {
            if (IsJson(format))
            {
                settings = settings with { Json = new ComplianceSetting(1, "metadata format: json") };
            }
            else
            {
                errors.Add($"metadata '{FormatKey}' is '{format}'; instruction_compliance checks only 'json'");
            }
        }

        return (settings, errors.Count == 0 ? null : string.Join("; ", errors));
    }

    /// <summary>These settings, with any key they leave unset taken from <paramref name="fallback"/>.</summary>
    public ComplianceSettings Over(ComplianceSettings fallback) =>
        new(MaxChars ?? fallback.MaxChars, MinChars ?? fallback.MinChars, Bullets ?? fallback.Bullets, Json ?? fallback.Json);

    public List<Constraint> Constraints()
    {
        var list = new List<Constraint>(4);
        if (MaxChars is { } max)
        {
            list.Add(new Constraint(ConstraintKind.Characters, max.Source, Max: max.Value));
        }

        if (MinChars is { } min)
        {
            list.Add(new Constraint(ConstraintKind.Characters, min.Source, Min: min.Value));
        }

        if (Bullets is { } bullets)
        {
            list.Add(new Constraint(ConstraintKind.ListItems, bullets.Source, bullets.Value, bullets.Value));
        }

        if (Json is { } json)
        {
            list.Add(new Constraint(ConstraintKind.Json, json.Source));
        }

        return list;
    }

    private static bool IsJson(string format) => format.Trim().Equals("json", StringComparison.OrdinalIgnoreCase);

    private static ComplianceSetting? Option(int? value, string key) =>
        value is { } v ? new ComplianceSetting(v, $"option {key}: {v.ToString(CultureInfo.InvariantCulture)}") : null;

    private static ComplianceSetting? Number(IReadOnlyDictionary<string, string> metadata, string key, int min, List<string> errors)
    {
        if (!metadata.TryGetValue(key, out var text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return new ComplianceSetting(value, $"metadata {key}: {value.ToString(CultureInfo.InvariantCulture)}");
        }

        errors.Add($"metadata '{key}' must be a whole number of at least {min.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return null;
    }
}
