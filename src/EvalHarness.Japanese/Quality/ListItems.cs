namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Counts the top-level items of the lists in an answer. Nested items (indented deeper than the
/// shallowest list line) are details, not items. When the top level mixes numbered and bulleted lines,
/// the numbered ones are the items and the bullets their details. Lines inside code fences never count.
/// </summary>
internal static class ListItems
{
    public static (int Count, ListMarkerKind Kind) Count(string output)
    {
        var items = new List<(int Indent, ListMarkerKind Kind)>();
        string? fence = null;
        foreach (var line in output.ReplaceLineEndings("\n").Split('\n'))
        {
            if (ProseText.FenceMarker(line) is { } marker && (fence is null || marker.StartsWith(fence, StringComparison.Ordinal)))
            {
                fence = fence is null ? marker : null;
                continue;
            }

            var trimmed = line.TrimStart();
            if (fence is not null || trimmed.Length == 0)
            {
                continue;
            }

            var (kind, _) = ListMarkers.Match(trimmed);
            if (kind != ListMarkerKind.None)
            {
                items.Add((Indent(line), kind));
            }
        }

        if (items.Count == 0)
        {
            return (0, ListMarkerKind.None);
        }

        // One column of slack: models indent continuation bullets by a single space now and then.
        var top = items.Min(i => i.Indent) + 1;
        var topLevel = items.Where(i => i.Indent <= top).ToList();
        var kindCounted = topLevel.Exists(i => i.Kind == ListMarkerKind.Ordered) ? ListMarkerKind.Ordered : ListMarkerKind.Unordered;
        return (topLevel.Count(i => i.Kind == kindCounted), kindCounted);
    }

    private static int Indent(string line)
    {
        var width = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                width++;
            }
            else if (c == '\t')
            {
                width += 4;
            }
            else if (c == '\u3000')
            {
                width += 2;
            }
            else
            {
                break;
            }
        }

        return width;
    }
}
