using System.Runtime.CompilerServices;

namespace EvalHarness.Scorers.Similarity;

/// <summary>
/// Dense ids for 64-bit n-gram keys: open addressing with linear probing, cleared in O(1) by a
/// generation stamp. It replaces a <c>Dictionary&lt;long, int&gt;</c> in the hot loop of every
/// n-gram metric, where clearing and hashing dominate for sentence-sized inputs.
/// </summary>
internal sealed class NGramIdMap
{
    private long[] _keys = new long[256];
    private int[] _values = new int[256];
    private int[] _stamps = new int[256];
    private int _mask = 255;
    private int _generation = 1;

    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }
    }

    /// <summary>The id of <paramref name="key"/>, assigning the next one (= Count before the call) when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(long key)
    {
        var slot = Slot(key);
        while (true)
        {
            if (_stamps[slot] != _generation)
            {
                return Add(slot, key);
            }

            if (_keys[slot] == key)
            {
                return _values[slot];
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The id of <paramref name="key"/>, or -1 when it was never added since the last clear.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long key)
    {
        var slot = Slot(key);
        while (_stamps[slot] == _generation)
        {
            if (_keys[slot] == key)
            {
                return _values[slot];
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 32) & _mask;

    private int Add(int slot, long key)
    {
        var id = Count++;
        _stamps[slot] = _generation;
        _keys[slot] = key;
        _values[slot] = id;
        if (Count * 2 > _mask)
        {
            Grow();
        }

        return id;
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        var stamps = _stamps;
        var generation = _generation;
        var size = keys.Length * 2;
        _keys = new long[size];
        _values = new int[size];
        _stamps = new int[size];
        _mask = size - 1;
        _generation = 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (stamps[i] != generation)
            {
                continue;
            }

            var slot = Slot(keys[i]);
            while (_stamps[slot] == _generation)
            {
                slot = (slot + 1) & _mask;
            }

            _stamps[slot] = _generation;
            _keys[slot] = keys[i];
            _values[slot] = values[i];
        }
    }
}
