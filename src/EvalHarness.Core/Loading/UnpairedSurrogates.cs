using System.Text.Json;

namespace EvalHarness.Loading;

/// <summary>
/// Finds a JSON string holding a lone UTF-16 surrogate escape such as <c>\ud800</c>. System.Text.Json
/// parses such text without complaint and throws only when the string is read, which would surface
/// deep inside a run as a crash instead of as a problem with one line of the user's file.
/// </summary>
internal static class UnpairedSurrogates
{
    public const string Message = "holds an unpaired surrogate escape (such as \\ud800), which is not a character; replace it, for example with \\ufffd";

    /// <summary>The top-level field and byte offset of the first broken string, or null when every string decodes.</summary>
    public static (string? Field, long Offset)? Find(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = false });
        string? field = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
                {
                    continue;
                }

                try
                {
                    var text = reader.GetString();
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                    {
                        field = text;
                    }
                }
                catch (InvalidOperationException)
                {
                    return (reader.TokenType == JsonTokenType.PropertyName ? null : field, reader.TokenStartIndex);
                }
            }
        }
        catch (JsonException)
        {
            // Syntax errors are reported by the parser that reads the document for real.
        }

        return null;
    }

    /// <summary>A cheap test that lets the common case skip the second pass: no escape, no surrogate.</summary>
    public static bool MayContain(string json) => json.Contains("\\u", StringComparison.Ordinal);
}
