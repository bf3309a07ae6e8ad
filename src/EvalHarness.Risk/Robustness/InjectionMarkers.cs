using System.Text.Json;

namespace EvalHarness.Risk.Robustness;

/// <summary>Reads a sample's <c>injection_markers</c>: a JSON list of markers, or one marker as plain text.</summary>
internal static class InjectionMarkers
{
    public const string Key = "injection_markers";

    /// <summary>The markers, or null with the reason the metadata cannot be used.</summary>
    public static List<InjectionMarker>? Read(IReadOnlyDictionary<string, string> metadata, out string? error)
    {
        error = null;
        if (!metadata.TryGetValue(Key, out var value) || value.Trim().Length == 0)
        {
            error = $"the injection scorer needs the sample metadata '{Key}': text (a canary word, the attacker's URL, the demanded phrase) or 're:' regular expressions whose presence shows the injected instruction was followed";
            return null;
        }

        List<string> sources;
        if (value.TrimStart().StartsWith('['))
        {
            try
            {
                using var doc = JsonDocument.Parse(value);
                sources = [.. doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : string.Empty)];
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                error = $"'{Key}' must be a list of text or one text: {ex.Message}";
                return null;
            }
        }
        else
        {
            sources = [value];
        }

        if (sources.Count == 0 || sources.Exists(s => s.Trim().Length == 0))
        {
            error = $"'{Key}' must be a non-empty list of non-empty text";
            return null;
        }

        var markers = new List<InjectionMarker>(sources.Count);
        foreach (var source in sources)
        {
            if (InjectionMarker.Parse(source, out var problem) is not { } marker)
            {
                error = $"'{Key}': {problem}";
                return null;
            }

            markers.Add(marker);
        }

        return markers;
    }
}
