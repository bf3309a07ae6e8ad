using System.Text.Json;
using EvalHarness.Infrastructure;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Whether an answer is JSON: the whole output, or else the first ``` fenced block that parses. Only an
/// object or an array counts, since a bare number or word is valid JSON but not what "JSON形式で" asks for.
/// Parsing is strict (no comments, no trailing commas), as a program reading the answer would be.
/// </summary>
internal static class JsonAnswer
{
    public static (bool Ok, string Detail) Check(string output)
    {
        var whole = Parse(output.Trim());
        if (whole.Ok)
        {
            return (true, "parses as a JSON " + whole.Detail);
        }

        string? fencedError = null;
        foreach (var block in FencedBlocks(output))
        {
            var fenced = Parse(block);
            if (fenced.Ok)
            {
                return (true, "parses as a JSON " + fenced.Detail + " in a ``` fence");
            }

            fencedError ??= fenced.Detail;
        }

        return (false, "not JSON: " + (fencedError is null ? "the output " + whole.Detail : "the ``` fenced block " + fencedError));
    }

    private static (bool Ok, string Detail) Parse(string text)
    {
        if (text.Length == 0)
        {
            return (false, "is empty");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => (true, "object"),
                JsonValueKind.Array => (true, "array"),
                var kind => (false, $"is a lone JSON {kind.ToString().ToLowerInvariant()}, not an object or array"),
            };
        }
        catch (JsonException ex)
        {
            return (false, "does not parse: " + JsonErrorText.Of(ex));
        }
    }

    private static IEnumerable<string> FencedBlocks(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        List<string>? block = null;
        string? fence = null;
        foreach (var line in lines)
        {
            if (ProseText.FenceMarker(line) is { } marker && (fence is null || marker.StartsWith(fence, StringComparison.Ordinal)))
            {
                if (fence is null)
                {
                    fence = marker;
                    block = [];
                }
                else
                {
                    yield return string.Join('\n', block!);
                    fence = null;
                    block = null;
                }

                continue;
            }

            block?.Add(line);
        }
    }
}
