using System.Text;

namespace EvalHarness.Loading;

/// <summary>
/// The UTF-8 size of text that arrives in pieces, equal to <see cref="Encoding.GetByteCount(ReadOnlySpan{char})"/> of the
/// whole: a surrogate pair split between two pieces still counts four bytes, and a lone surrogate three (its replacement).
/// </summary>
internal struct Utf8Count
{
    private long _bytes;
    private bool _pendingHigh;

    public readonly long Total => _bytes + (_pendingHigh ? 3 : 0);

    public void Add(ReadOnlySpan<char> piece)
    {
        if (piece.IsEmpty)
        {
            return;
        }

        if (_pendingHigh)
        {
            _pendingHigh = false;
            if (char.IsLowSurrogate(piece[0]))
            {
                _bytes += 4;
                piece = piece[1..];
            }
            else
            {
                _bytes += 3;
            }
        }

        if (!piece.IsEmpty && char.IsHighSurrogate(piece[^1]))
        {
            _pendingHigh = true;
            piece = piece[..^1];
        }

        _bytes += Encoding.UTF8.GetByteCount(piece);
    }
}
