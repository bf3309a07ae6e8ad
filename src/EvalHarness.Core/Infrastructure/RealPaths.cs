namespace EvalHarness.Infrastructure;

/// <summary>
/// Where a path really leads once every symbolic link on the way is followed, like POSIX
/// <c>realpath</c>: a link inside a directory tree that points out of it leads out of it.
/// </summary>
public static class RealPaths
{
    // Linux gives up after 40 links too; a loop then fails when the file is opened.
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>How the file system compares names: exactly on Linux, ignoring case where the usual file systems do.</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The absolute path with every link resolved; parts that do not exist are kept as written.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(Enumerable.Reverse(Parts(full[root.Length..])));
        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                // After a link, ".." leaves the link's target, not the directory holding the link.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = LinkTarget(next);
            if (target is null || ++links > MaxLinks)
            {
                current = next;
                continue;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
                target = target[current.Length..];
            }

            foreach (var inner in Enumerable.Reverse(Parts(target)))
            {
                pending.Push(inner);
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies under it (both already resolved).</summary>
    public static bool IsWithin(string path, string directory)
    {
        if (path.Equals(directory, Comparison))
        {
            return true;
        }

        var prefix = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, Comparison);
    }

    private static string[] Parts(string path) => path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
