using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// The prose of an answer: fenced code blocks, inline code spans and URLs blanked out, so that
/// identifiers, shell commands and addresses neither count as English nor end up as "sentences".
/// Line structure is kept, so line numbers in explanations still point into the original output.
/// </summary>
internal static partial class ProseText
{
    /// <summary>Regular expressions here run on model output; a bound keeps hostile text from stalling a run.</summary>
    public const int TimeoutMilliseconds = 1000;

    public static ProseResult Of(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var sb = new StringBuilder(text.Length);
        var blocks = 0;
        var inFence = false;
        string? fence = null;
        var inline = 0;
        var urls = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i > 0)
            {
                sb.Append('\n');
            }

            if (FenceMarker(line) is { } marker && (!inFence || marker.StartsWith(fence!, StringComparison.Ordinal)))
            {
                if (!inFence)
                {
                    blocks++;
                }

                inFence = !inFence;
                fence = inFence ? marker : null;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var withoutCode = InlineCode().Replace(line, m =>
            {
                inline++;
                return new string(' ', m.Length);
            });
            sb.Append(Url().Replace(withoutCode, m =>
            {
                urls++;
                return new string(' ', m.Length);
            }));
        }

        return new ProseResult(sb.ToString(), blocks, inline, urls);
    }

    /// <summary>The fence characters (``` or ~~~, possibly longer) when the line opens or closes a fenced block.</summary>
    public static string? FenceMarker(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Length < 3 || (trimmed[0] != '`' && trimmed[0] != '~'))
        {
            return null;
        }

        var c = trimmed[0];
        var n = 0;
        while (n < trimmed.Length && trimmed[n] == c)
        {
            n++;
        }

        return n >= 3 ? trimmed[..n] : null;
    }

    [GeneratedRegex(@"`[^`\n]+`", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex InlineCode();

    // ASCII only: Japanese text written straight after an address ("https://example.jp/を参照") is not part of it.
    [GeneratedRegex(@"(?:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex Url();
}
