namespace EvalHarness.Loading;

/// <summary>
/// Reads text line by line with the line breaks <see cref="StringReader.ReadLine"/> sees (\n, \r, \r\n), keeping at
/// most <c>keepChars</c> of one line: a longer line is only measured, so one hostile line never needs its own copy
/// in memory, and the reader holds one line at a time whatever the file's size.
/// </summary>
internal sealed class LineReader
{
    private const int ChunkChars = 32 * 1024;

    private readonly TextReader _reader;
    private readonly long _keepChars;
    private readonly char[] _chunk = new char[ChunkChars];
    private int _chunkStart;
    private int _chunkEnd;
    private bool _ended;
    private char[] _line = new char[256];
    private int _lineLength;
    private Utf8Count _overflow;

    /// <param name="reader">The text.</param>
    /// <param name="keepChars">The longest line kept; a line longer than this is reported by <see cref="OverflowBytes"/> alone.</param>
    public LineReader(TextReader reader, long keepChars)
    {
        _reader = reader;
        _keepChars = keepChars;
    }

    /// <summary>1-based number of the current line.</summary>
    public int Number { get; private set; }

    /// <summary>The current line, valid until the next <see cref="MoveNext"/>; empty when the line overflowed.</summary>
    public ReadOnlySpan<char> Line => _line.AsSpan(0, _lineLength);

    /// <summary>The UTF-8 size of the current line when it was longer than the kept length, otherwise null.</summary>
    public long? OverflowBytes { get; private set; }

    public bool MoveNext()
    {
        if (_chunkStart == _chunkEnd && !Fill())
        {
            return false;
        }

        Number++;
        _lineLength = 0;
        OverflowBytes = null;
        _overflow = default;
        var overflowing = false;
        while (true)
        {
            var rest = _chunk.AsSpan(_chunkStart, _chunkEnd - _chunkStart);
            var end = rest.IndexOfAny('\r', '\n');
            var piece = end < 0 ? rest : rest[..end];
            if (!overflowing && _lineLength + (long)piece.Length > _keepChars)
            {
                // From here on the line is only counted: what was kept so far, then every further piece.
                overflowing = true;
                _overflow.Add(Line);
                _lineLength = 0;
            }

            if (overflowing)
            {
                _overflow.Add(piece);
            }
            else
            {
                Append(piece);
            }

            if (end < 0)
            {
                _chunkStart = _chunkEnd;
                if (!Fill())
                {
                    break;
                }

                continue;
            }

            _chunkStart += end + 1;
            if (rest[end] == '\r' && (_chunkStart < _chunkEnd || Fill()) && _chunk[_chunkStart] == '\n')
            {
                _chunkStart++;
            }

            break;
        }

        if (overflowing)
        {
            OverflowBytes = _overflow.Total;
        }

        return true;
    }

    private void Append(ReadOnlySpan<char> piece)
    {
        if (_lineLength + piece.Length > _line.Length)
        {
            Array.Resize(ref _line, Math.Max(_line.Length * 2, _lineLength + piece.Length));
        }

        piece.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += piece.Length;
    }

    /// <summary>Reads the next chunk once the current one is used up; false at the end of the text.</summary>
    private bool Fill()
    {
        if (_ended)
        {
            return false;
        }

        _chunkStart = 0;
        _chunkEnd = _reader.Read(_chunk, 0, _chunk.Length);
        _ended = _chunkEnd == 0;
        return !_ended;
    }
}
