using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.BrowserTests.Support;

/// <summary>
/// What text a PDF printed by Chromium can show, without a PDF library: Chromium embeds each font
/// as a subset with a ToUnicode map of exactly the glyphs the pages use, so the characters those
/// maps name are the characters drawn. Enough to tell Japanese text from tofu or a missing font.
/// </summary>
internal static partial class PdfText
{
    public static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    /// <summary>Every character some embedded font's ToUnicode map gives a glyph for.</summary>
    public static ISet<string> DrawnCharacters(byte[] pdf)
    {
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stream in Streams(pdf))
        {
            var text = Encoding.Latin1.GetString(stream);
            foreach (Match section in CharSection().Matches(text))
            {
                foreach (Match pair in CharPair().Matches(section.Groups[1].Value))
                {
                    drawn.Add(Utf16(pair.Groups[2].Value));
                }
            }

            foreach (Match section in RangeSection().Matches(text))
            {
                foreach (Match range in RangeTriple().Matches(section.Groups[1].Value))
                {
                    var low = int.Parse(range.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    var high = int.Parse(range.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    var first = Utf16(range.Groups[3].Value);
                    for (var i = 0; i <= high - low && first.Length == 1; i++)
                    {
                        drawn.Add(((char)(first[0] + i)).ToString());
                    }
                }
            }
        }

        return drawn;
    }

    private static IEnumerable<byte[]> Streams(byte[] pdf)
    {
        var marker = "stream"u8.ToArray();
        var end = "endstream"u8.ToArray();
        var at = 0;
        while ((at = IndexOf(pdf, marker, at)) >= 0)
        {
            var keyword = at;
            var start = at + marker.Length;
            at = start;
            if ((keyword > 0 && pdf[keyword - 1] == (byte)'d') || start >= pdf.Length || pdf[start] is not ((byte)'\r' or (byte)'\n'))
            {
                continue; // "endstream", or the word inside something else
            }

            start += pdf[start] == '\r' ? 2 : 1;
            var stop = IndexOf(pdf, end, start);
            if (stop < 0)
            {
                yield break;
            }

            at = stop + end.Length;
            byte[]? inflated = null;
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(pdf, start, stop - start), CompressionMode.Decompress);
                using var copy = new MemoryStream();
                zlib.CopyTo(copy);
                inflated = copy.ToArray();
            }
            catch (InvalidDataException)
            {
                // Images and fonts use other filters; a ToUnicode map is always Flate-compressed here.
            }

            if (inflated is not null)
            {
                yield return inflated;
            }
        }
    }

    private static int IndexOf(byte[] data, byte[] value, int from)
    {
        var found = data.AsSpan(from).IndexOf(value);
        return found < 0 ? -1 : from + found;
    }

    private static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex CharSection();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex CharPair();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex RangeSection();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex RangeTriple();
}
