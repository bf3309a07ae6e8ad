using System.Buffers;
using System.Text.Unicode;

namespace EvalHarness.Loading;

/// <summary>
/// Checks that a file is UTF-8 in one pass over fixed-size chunks, so a large dataset is refused or accepted before
/// any of it is parsed without its bytes being held whole; the line it names is the one <see cref="TextFiles.Read"/> names.
/// </summary>
internal static class Utf8Check
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>The outcome: <see cref="Line"/> is the 1-based line of the first invalid byte, or 0 when every byte is valid.</summary>
    public sealed record Result(int Line);

    public static Result FirstInvalid(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var chars = ArrayPool<char>.Shared.Rent(ChunkBytes);
        try
        {
            var line = 1;
            var carried = 0;
            while (true)
            {
                var read = stream.ReadAtLeast(bytes.AsSpan(carried, ChunkBytes - carried), ChunkBytes - carried, throwOnEndOfStream: false);
                var length = carried + read;
                var final = read < ChunkBytes - carried;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == OperationStatus.InvalidData)
                {
                    return new Result(line + bytes.AsSpan(0, consumed).Count((byte)'\n'));
                }

                if (final)
                {
                    return new Result(0);
                }

                // A sequence cut by the chunk's end is carried to the next chunk (at most three bytes).
                line += bytes.AsSpan(0, consumed).Count((byte)'\n');
                carried = length - consumed;
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
