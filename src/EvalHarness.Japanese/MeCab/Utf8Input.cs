using System.Buffers;
using System.Text;

namespace EvalHarness.Japanese.MeCab;

/// <summary>
/// The text in UTF-8 for MeCab, whose nodes point into it until the next parse. Sentences fit the
/// caller's stack buffer; longer texts borrow a pooled array, so a parse allocates nothing here.
/// </summary>
internal ref struct Utf8Input
{
    public const int StackBytes = 1024;

    private byte[]? _rented;

    public Utf8Input(string text, Span<byte> stackBuffer)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = needed <= stackBuffer.Length ? stackBuffer : (_rented = ArrayPool<byte>.Shared.Rent(needed));
        Length = Encoding.UTF8.GetBytes(text, buffer);
        Bytes = buffer[..Length];
    }

    public Span<byte> Bytes { get; }

    public int Length { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
