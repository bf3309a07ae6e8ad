using System.Buffers;
using System.Text;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>
/// Reads user files as text with a precise message for the common failures: missing file, and bytes
/// that are not in the declared encoding (Japanese CSVs are often Shift_JIS).
/// </summary>
public static class TextFiles
{
    static TextFiles()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static IReadOnlyList<string> EncodingNames { get; } = ["utf-8", "shift_jis", "euc-jp"];

    public static string? Read(string path, string displayPath, string encodingName, DiagnosticBag diagnostics, string? field = null)
    {
        if (Attempt(() => File.ReadAllBytes(path), displayPath, diagnostics, field) is not { } bytes)
        {
            return null;
        }

        if (IsUtf8(encodingName))
        {
            return DecodeUtf8(bytes, displayPath, diagnostics);
        }

        var encoding = Encoding.GetEncoding(encodingName, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            diagnostics.Error(displayPath, LineAt(bytes, ex.Index), 0, null, $"contains bytes that are not valid {encodingName}");
            return null;
        }
    }

    /// <summary>
    /// The file's text as a reader, with the same checks and messages as <see cref="Read"/>. A UTF-8 file is checked
    /// in one pass and then decoded as it is read, so neither its bytes nor its text are ever held whole; other
    /// encodings are decoded whole, as <see cref="Read"/> does. Null, with the problem reported, when it cannot be read.
    /// </summary>
    public static TextReader? OpenReader(string path, string displayPath, string encodingName, DiagnosticBag diagnostics, string? field = null)
    {
        if (!IsUtf8(encodingName))
        {
            return Read(path, displayPath, encodingName, diagnostics, field) is { } text ? new StringReader(text) : null;
        }

        if (Attempt(() => Utf8Check.FirstInvalid(path), displayPath, diagnostics, field) is not { } check)
        {
            return null;
        }

        if (check.Line > 0)
        {
            diagnostics.Error(displayPath, check.Line, 0, null, NotUtf8Message);
            return null;
        }

        // The preamble of this encoding is skipped once at the start, as Read strips one byte order mark; the bytes were
        // just checked, so decoding never meets an invalid one unless the file changes meanwhile, which then throws.
        return Attempt(() => new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16), displayPath, diagnostics, field);
    }

    private const string NotUtf8Message =
        "is not valid UTF-8; if it was saved as Shift_JIS or EUC-JP, set dataset.encoding to shift_jis or euc-jp, or convert it to UTF-8";

    private static bool IsUtf8(string encodingName) => encodingName is "utf-8" or "utf8";

    private static T? Attempt<T>(Func<T> open, string displayPath, DiagnosticBag diagnostics, string? field)
        where T : class
    {
        try
        {
            return open();
        }
        catch (FileNotFoundException)
        {
            diagnostics.Error(displayPath, 0, 0, field, "file not found");
        }
        catch (DirectoryNotFoundException)
        {
            diagnostics.Error(displayPath, 0, 0, field, "file not found (the directory does not exist)");
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Error(displayPath, 0, 0, field, "cannot be read (permission denied, or it is a directory)");
        }
        catch (IOException ex)
        {
            diagnostics.Error(displayPath, 0, 0, field, "cannot be read: " + ex.Message);
        }

        return null;
    }

    private static string? DecodeUtf8(byte[] bytes, string displayPath, DiagnosticBag diagnostics)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var offset = 0;
        while (offset < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                var at = offset + (bytes.Length - span.Length);
                diagnostics.Error(displayPath, LineAt(bytes, at), 0, null, NotUtf8Message);
                return null;
            }

            offset += consumed;
        }

        return Encoding.UTF8.GetString(span);
    }

    private static int LineAt(byte[] bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
