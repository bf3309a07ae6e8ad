using System.Collections.ObjectModel;

namespace EvalHarness.Loading;

/// <summary>
/// One instance for each distinct small metadata dictionary and text list of one dataset. A million samples mostly
/// repeat a handful of labels (category, language, a target such as "42"), and a copy of each per sample would be
/// most of the memory a large run holds. Only small collections are shared, and the table stops growing at a cap,
/// so a dataset whose values are all different costs no more than before.
/// </summary>
internal sealed class SharedValues
{
    /// <summary>Distinct collections kept per kind; beyond it new ones are returned as they are.</summary>
    public const int MaxEntries = 4096;

    /// <summary>Larger collections are rarely repeated: they are not looked up at all.</summary>
    public const int MaxItems = 16;

    /// <summary>Collections holding more text than this (in characters) are not shared.</summary>
    public const int MaxChars = 1024;

    private readonly Dictionary<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> _metadata = new(MetadataComparer.Instance);
    private readonly Dictionary<IReadOnlyList<string>, IReadOnlyList<string>> _lists = new(ListComparer.Instance);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// The shared, read-only equal of <paramref name="metadata"/>, or a copy of it when it is not shared; the argument
    /// itself is never kept, so the caller may fill the same dictionary again for its next record.
    /// </summary>
    public IReadOnlyDictionary<string, string> Metadata(Dictionary<string, string> metadata)
    {
        if (metadata.Count > MaxItems || CharsOf(metadata) > MaxChars)
        {
            return new Dictionary<string, string>(metadata, StringComparer.Ordinal);
        }

        if (_metadata.TryGetValue(metadata, out var shared))
        {
            return shared;
        }

        var copy = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
        if (_metadata.Count >= MaxEntries)
        {
            return copy;
        }

        // Shared between samples, so nobody may change it through a cast to the dictionary type.
        var frozen = new ReadOnlyDictionary<string, string>(copy);
        _metadata.Add(frozen, frozen);
        return frozen;
    }

    /// <summary>The shared equal of <paramref name="list"/> as an array, or an exact-size array of it when it is not shared.</summary>
    public IReadOnlyList<string> List(List<string>? list)
    {
        if (list is null or { Count: 0 })
        {
            return [];
        }

        if (list.Count > MaxItems || CharsOf(list) > MaxChars)
        {
            return list.ToArray();
        }

        if (_lists.TryGetValue(list, out var shared))
        {
            return shared;
        }

        var array = list.ToArray();
        if (_lists.Count < MaxEntries)
        {
            _lists.TryAdd(array, array);
        }

        return array;
    }

    /// <summary>One string for each metadata name, which every sample's own dictionary repeats.</summary>
    public string Key(string key)
    {
        if (_keys.TryGetValue(key, out var shared))
        {
            return shared;
        }

        if (_keys.Count < MaxEntries && key.Length <= 64)
        {
            _keys.Add(key, key);
        }

        return key;
    }

    private static int CharsOf(Dictionary<string, string> metadata)
    {
        var chars = 0;
        foreach (var (key, value) in metadata)
        {
            chars += key.Length + value.Length;
        }

        return chars;
    }

    private static int CharsOf(List<string> list)
    {
        var chars = 0;
        foreach (var item in list)
        {
            chars += item.Length;
        }

        return chars;
    }

    private sealed class MetadataComparer : IEqualityComparer<IReadOnlyDictionary<string, string>>
    {
        public static MetadataComparer Instance { get; } = new();

        public bool Equals(IReadOnlyDictionary<string, string>? x, IReadOnlyDictionary<string, string>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }

            foreach (var (key, value) in x)
            {
                if (!y.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyDictionary<string, string> obj)
        {
            // Order-independent: equal dictionaries filled in a different order hash alike.
            var hash = obj.Count;
            foreach (var (key, value) in obj)
            {
                hash += HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), StringComparer.Ordinal.GetHashCode(value));
            }

            return hash;
        }
    }

    private sealed class ListComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public static ListComparer Instance { get; } = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }

            for (var i = 0; i < x.Count; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyList<string> obj)
        {
            var hash = new HashCode();
            foreach (var item in obj)
            {
                hash.Add(item, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
