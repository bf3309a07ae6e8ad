namespace EvalHarness.Scorers.Similarity;

/// <summary>
/// Turns tokens into small integers so that n-grams can be compared as numbers. The table is per
/// thread and kept between calls (tokens recur across sentences, so most look-ups find an id
/// without allocating); it starts afresh when it grows past a bound.
/// </summary>
internal sealed class TokenIds
{
    private const int MaxEntries = 1 << 20;

    [ThreadStatic]
    private static TokenIds? t_current;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spans;

    private TokenIds()
    {
        _spans = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static TokenIds Current => t_current ??= new TokenIds();

    /// <summary>Call before a computation whose ids must all come from one generation of the table.</summary>
    public void Prepare(int upcoming)
    {
        if (_ids.Count + upcoming > MaxEntries)
        {
            _ids.Clear();
        }
    }

    public int Of(string token)
    {
        if (!_ids.TryGetValue(token, out var id))
        {
            id = _ids.Count;
            _ids.Add(token, id);
        }

        return id;
    }

    public int Of(ReadOnlySpan<char> token)
    {
        if (!_spans.TryGetValue(token, out var id))
        {
            id = _ids.Count;
            _spans[token] = id;
        }

        return id;
    }
}
