namespace EvalHarness.BrowserTests.Support;

/// <summary>Locates the repository, for its bundled suites and for docs/images.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Suites => Path.Combine(Root, "suites");

    /// <summary>The CLI as built in its own project, in the tests' configuration, for running it as a process of its own.</summary>
    public static string CliDll => Path.Combine(Root, "src", "EvalHarness.Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "evalh.dll");

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
