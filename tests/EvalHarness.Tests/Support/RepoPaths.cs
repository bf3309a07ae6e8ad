namespace EvalHarness.Tests.Support;

/// <summary>Locates the repository (for bundled suites) and the shared read-only data next to it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Suites => Path.Combine(Root, "suites");

    /// <summary>
    /// ../shared beside the repository: reference vectors and public datasets (read, never copied).
    /// A clone made elsewhere (CI clones into a temporary directory) finds it beside the repository it
    /// was cloned from, a nested worktree beside an ancestor; EVALH_SHARED_DIR overrides them all.
    /// </summary>
    public static string Shared { get; } = FindShared();

    /// <summary>
    /// The CLI as built in its own project (same configuration as the tests). The copy beside the tests
    /// would resolve assemblies against the test project's ASP.NET Core framework and fail on its own.
    /// </summary>
    public static string CliDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.Combine(Root, "src", "EvalHarness.Cli", "bin", configuration, "net10.0", "evalh.dll");
        }
    }

    private static string FindShared()
    {
        var candidates = new List<string>();
        var overridden = Environment.GetEnvironmentVariable("EVALH_SHARED_DIR");
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            candidates.Add(overridden);
        }

        // A git worktree nested in the repository (.wt/x) has ../shared beside an ancestor, not beside itself.
        for (var directory = new DirectoryInfo(Root); directory?.Parent is not null; directory = directory.Parent)
        {
            candidates.Add(Path.Combine(directory.Parent.FullName, "shared"));
        }
        if (OriginPath() is { } origin)
        {
            candidates.Add(Path.Combine(origin, "..", "shared"));
        }

        var found = candidates.Select(Path.GetFullPath).FirstOrDefault(c => Directory.Exists(Path.Combine(c, "reference-vectors")));
        return found ?? Path.GetFullPath(candidates[0]);
    }

    /// <summary>The local path this clone was made from, if its origin is a directory on this machine.</summary>
    private static string? OriginPath()
    {
        var config = Path.Combine(Root, ".git", "config");
        if (!File.Exists(config))
        {
            return null;
        }

        var inOrigin = false;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inOrigin = line == "[remote \"origin\"]";
            }
            else if (inOrigin && line.StartsWith("url", StringComparison.Ordinal) && line.IndexOf('=') is var eq and > 0)
            {
                var url = line[(eq + 1)..].Trim();
                if (url.StartsWith("file://", StringComparison.Ordinal))
                {
                    url = url["file://".Length..];
                }

                return Path.IsPathRooted(url) && Directory.Exists(url) ? url : null;
            }
        }

        return null;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EvalHarness.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EvalHarness.sln not found above " + AppContext.BaseDirectory);
    }
}
