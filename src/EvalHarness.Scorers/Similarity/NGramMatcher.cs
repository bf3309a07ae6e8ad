using EvalHarness.Scorers.Tokenization;

namespace EvalHarness.Scorers.Similarity;

/// <summary>
/// Counts, order by order, the n-grams of a hypothesis, of its references and the clipped matches
/// between them, as Python's <c>Counter</c> arithmetic does in sacreBLEU and rouge-score. Sequences
/// are integers (token ids or code points). An n-gram gets a dense id from the pair (id of its
/// (n−1)-gram prefix, its last symbol), so n-grams of any order are compared exactly as 64-bit keys,
/// with no strings or tuples built. One instance per thread; not reentrant.
/// </summary>
internal sealed class NGramMatcher
{
    private const int MaxSequences = 64;

    [ThreadStatic]
    private static NGramMatcher? t_current;

    private readonly NGramIdMap _map = new();
    private readonly int[] _starts = new int[MaxSequences];
    private readonly int[] _lengths = new int[MaxSequences];
    private int[] _symbols = new int[256];
    private int[] _ids = new int[256];
    private int[] _hypothesisCounts = new int[256];
    private int[] _referenceCounts = new int[256];
    private int[] _referenceMax = new int[256];
    private int _sequences;
    private int _used;

    public static NGramMatcher Current => t_current ??= new NGramMatcher();

    /// <summary>Starts a new comparison; the first sequence appended is the hypothesis, the others references.</summary>
    public void Reset()
    {
        _sequences = 0;
        _used = 0;
    }

    /// <summary>Room for the next sequence, to be filled by the caller.</summary>
    public Span<int> Append(int length)
    {
        if (_sequences == MaxSequences)
        {
            throw new InvalidOperationException($"at most {MaxSequences - 1} references are supported");
        }

        if (_used + length > _symbols.Length)
        {
            var size = Math.Max(_symbols.Length * 2, _used + length);
            Array.Resize(ref _symbols, size);
            _ids = new int[size];
        }

        _starts[_sequences] = _used;
        _lengths[_sequences] = length;
        _sequences++;
        _used += length;
        return _symbols.AsSpan(_used - length, length);
    }

    /// <summary>Appends the code points of <paramref name="text"/>, leaving out Python whitespace when asked.</summary>
    public int AppendCodePoints(string text, bool skipWhitespace)
    {
        var span = Append(text.Length);
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                span[n++] = char.ConvertToUtf32(c, text[++i]);
            }
            else if (!skipWhitespace || !PythonWhitespace.IsSpace(c))
            {
                span[n++] = c;
            }
        }

        Shrink(n);
        return n;
    }

    /// <summary>Appends token ids for <paramref name="tokens"/>.</summary>
    public void AppendTokens(IReadOnlyList<string> tokens, TokenIds ids)
    {
        var span = Append(tokens.Count);
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = ids.Of(tokens[i]);
        }
    }

    /// <summary>
    /// For n = 1..<paramref name="maxOrder"/>: the hypothesis's n-grams, the reference n-grams (with
    /// several references, each n-gram at its largest count in any one of them, as sacreBLEU merges
    /// them) and the matches, min(hypothesis count, reference count) summed over n-grams.
    /// </summary>
    public void Count(int maxOrder, Span<long> hypothesisTotals, Span<long> referenceTotals, Span<long> matches)
    {
        if (_sequences == 0)
        {
            throw new InvalidOperationException("no hypothesis was appended");
        }

        EnsureCountCapacity(_used + 1);
        for (var n = 1; n <= maxOrder; n++)
        {
            AssignIds(n);
            var distinct = _map.Count;
            var hypothesisTotal = 0L;
            for (var i = 0; i < _lengths[0] - n + 1; i++)
            {
                _hypothesisCounts[_ids[i]]++;
                hypothesisTotal++;
            }

            CountReferences(n);
            long matched = 0, referenceTotal = 0;
            for (var id = 0; id < distinct; id++)
            {
                matched += Math.Min(_hypothesisCounts[id], _referenceMax[id]);
                referenceTotal += _referenceMax[id];
            }

            Array.Clear(_hypothesisCounts, 0, distinct);
            Array.Clear(_referenceMax, 0, distinct);
            hypothesisTotals[n - 1] = hypothesisTotal;
            referenceTotals[n - 1] = referenceTotal;
            matches[n - 1] = matched;
        }
    }

    private void Shrink(int length)
    {
        var last = _sequences - 1;
        _used -= _lengths[last] - length;
        _lengths[last] = length;
    }

    private void AssignIds(int n)
    {
        _map.Clear();
        for (var s = 0; s < _sequences; s++)
        {
            var start = _starts[s];
            var count = _lengths[s] - n + 1;
            for (var i = 0; i < count; i++)
            {
                // In place: position i still holds its (n−1)-gram id when it is read, and position
                // i + 1 is read before it is overwritten.
                var key = n == 1
                    ? (uint)_symbols[start + i]
                    : ((long)_ids[start + i] << 32) | (uint)_symbols[start + i + n - 1];
                _ids[start + i] = _map.GetOrAdd(key);
            }
        }
    }

    private void CountReferences(int n)
    {
        for (var s = 1; s < _sequences; s++)
        {
            var start = _starts[s];
            var end = start + _lengths[s] - n + 1;
            var counts = _sequences == 2 ? _referenceMax : _referenceCounts;
            for (var i = start; i < end; i++)
            {
                counts[_ids[i]]++;
            }

            if (_sequences == 2)
            {
                break;
            }

            for (var i = start; i < end; i++)
            {
                var id = _ids[i];
                if (_referenceCounts[id] > _referenceMax[id])
                {
                    _referenceMax[id] = _referenceCounts[id];
                }
            }

            for (var i = start; i < end; i++)
            {
                _referenceCounts[_ids[i]] = 0;
            }
        }
    }

    private void EnsureCountCapacity(int size)
    {
        if (_hypothesisCounts.Length < size)
        {
            var grown = Math.Max(size, _hypothesisCounts.Length * 2);
            _hypothesisCounts = new int[grown];
            _referenceCounts = new int[grown];
            _referenceMax = new int[grown];
        }
    }
}
