using System.Net;
using System.Text.Json;
using EvalHarness.Infrastructure;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// The report's words in English and Japanese (embedded strings.json). Both languages are in the page;
/// CSS shows the one the reader chose, so switching needs no reload and printing shows one language.
/// </summary>
internal static class Labels
{
    private static readonly Lazy<(string Json, Dictionary<string, (string En, string Ja)> Map)> Loaded = new(Load);

    /// <summary>The strings as JSON, for the page's script.</summary>
    public static string Json => Loaded.Value.Json;

    public static bool Has(string key) => Loaded.Value.Map.ContainsKey(key);

    public static (string En, string Ja) Get(string key) =>
        Loaded.Value.Map.TryGetValue(key, out var pair) ? pair : (key, key);

    /// <summary>Markup showing <paramref name="en"/> or <paramref name="ja"/> by the page's language; both escaped.</summary>
    public static string Html(string en, string ja) =>
        $"<span class=\"en\" lang=\"en\">{WebUtility.HtmlEncode(en)}</span><span class=\"ja\" lang=\"ja\">{WebUtility.HtmlEncode(ja)}</span>";

    public static string Html(string key)
    {
        var (en, ja) = Get(key);
        return Html(en, ja);
    }

    private static (string, Dictionary<string, (string, string)>) Load()
    {
        var json = EmbeddedText.Read(typeof(Labels).Assembly, "EvalHarness.Reporting.Resources.strings.json");
        using var document = JsonDocument.Parse(json);
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            map[entry.Name] = (entry.Value.GetProperty("en").GetString()!, entry.Value.GetProperty("ja").GetString()!);
        }

        return (json, map);
    }
}
