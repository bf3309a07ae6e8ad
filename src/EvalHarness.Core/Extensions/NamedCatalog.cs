namespace EvalHarness.Extensions;

/// <summary>Extensions of one kind by name, in registration order, each with the pack that registered it.</summary>
public sealed class NamedCatalog<T>
    where T : class, IExtension
{
    private readonly Dictionary<string, (T Item, string Pack)> _byName = new(StringComparer.Ordinal);
    private readonly List<T> _inOrder = [];

    /// <param name="kind">What the items are ("scorer"), for the message about a name registered twice.</param>
    public NamedCatalog(string kind, IEnumerable<(T Item, string Pack)> items)
    {
        Kind = kind;
        foreach (var (item, pack) in items)
        {
            if (!_byName.TryAdd(item.Name, (item, pack)))
            {
                // A programming error in the packs, not bad input: two packs cannot both own a name.
                throw new InvalidOperationException($"the {kind} '{item.Name}' is registered by both '{_byName[item.Name].Pack}' and '{pack}'");
            }

            _inOrder.Add(item);
        }
    }

    public string Kind { get; }

    /// <summary>In registration order (reports are written, and their files listed, in this order).</summary>
    public IReadOnlyList<T> InOrder => _inOrder;

    /// <summary>By name, for listings and messages.</summary>
    public IEnumerable<T> All => _inOrder.OrderBy(i => i.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => All.Select(i => i.Name);

    public bool TryGet(string name, out T item)
    {
        var found = _byName.TryGetValue(name, out var entry);
        item = entry.Item!;
        return found;
    }

    /// <summary>The pack that registered <paramref name="name"/>, or null.</summary>
    public string? PackOf(string name) => _byName.TryGetValue(name, out var entry) ? entry.Pack : null;

    /// <summary>The catalogue with more items, as if they had been registered by <paramref name="pack"/>.</summary>
    public NamedCatalog<T> With(IEnumerable<T> more, string pack = "host") =>
        new(Kind, _inOrder.Select(i => (i, _byName[i.Name].Pack)).Concat(more.Select(m => (m, pack))));
}
