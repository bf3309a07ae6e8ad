using EvalHarness.Configuration;
using EvalHarness.Suites;

namespace EvalHarness.Taxonomy;

internal static class TaxonomyLookup
{
    public static TaxonomyEntry? Find(IReadOnlyList<TaxonomyEntry> entries, string value)
    {
        var trimmed = value.Trim();
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Id, trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(entry.English, trimmed, StringComparison.OrdinalIgnoreCase)
                || entry.Japanese == trimmed
                || entry.OtherSpellings.Any(s => string.Equals(s, trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>
    /// Replaces the value under <paramref name="key"/> (an id, English or Japanese label) by the entry's id, so
    /// groups do not split by spelling; returns the problem when the value names no entry.
    /// </summary>
    public static string? Canonicalise(Dictionary<string, string> metadata, string key, IReadOnlyList<TaxonomyEntry> entries)
    {
        if (!metadata.TryGetValue(key, out var value))
        {
            return null;
        }

        if (Find(entries, value) is { } entry)
        {
            metadata[key] = entry.Id;
            return null;
        }

        var suggestion = Suggest.Closest(value.Trim(), entries.Select(e => e.Id));
        return $"'{value}' is not known" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; use one of: {string.Join(", ", entries.Select(e => e.Id))}";
    }
}
