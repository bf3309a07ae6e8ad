namespace EvalHarness.Loading.Formats;

/// <summary>
/// Turns increasing byte offsets into 1-based line and character column, scanning each byte once so
/// positions in a multi-megabyte single-line file cost no more than reading it.
/// </summary>
public sealed class Utf8Cursor
{
    private readonly byte[] _bytes;
    private long _offset;
    private int _line = 1;
    private int _column = 1;

    /// <param name="bytes">UTF-8 text.</param>
    /// <param name="lineStart">Offset of the start of a line to begin from; lines are then counted from 1 there.</param>
    public Utf8Cursor(byte[] bytes, long lineStart = 0)
    {
        _bytes = bytes;
        _offset = lineStart;
    }

    /// <summary>Position of <paramref name="offset"/>, which must not be before the previous one.</summary>
    public (int Line, int Column) MoveTo(long offset)
    {
        for (; _offset < offset && _offset < _bytes.Length; _offset++)
        {
            var b = _bytes[_offset];
            if (b == (byte)'\n')
            {
                _line++;
                _column = 1;
            }
            else if ((b & 0xC0) != 0x80)
            {
                // Continuation bytes belong to the character already counted.
                _column++;
            }
        }

        return (_line, _column);
    }
}
