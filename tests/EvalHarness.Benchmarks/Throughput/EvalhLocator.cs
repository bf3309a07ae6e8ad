namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// The CLI a user runs: the natively compiled copy <c>./run.sh</c> publishes to <c>.build/evalh/</c> while run.sh would run
/// it (its stamp newer than the CLI build's), else <c>src/EvalHarness.Cli/bin/&lt;configuration&gt;/net10.0/evalh</c> of this repository (the
/// configuration the benchmark was built in), through its apphost, else through <c>dotnet evalh.dll</c>.
/// </summary>
internal static class EvalhLocator
{
    /// <summary>The program and the arguments that come before evalh's own.</summary>
    public static (string Program, string[] Prefix) Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "EvalHarness.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"no EvalHarness.sln above {AppContext.BaseDirectory}");
        }

        // bin/<configuration>/net10.0/: build the CLI the same way the benchmark was built.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var directory = Path.Combine(root.FullName, "src", "EvalHarness.Cli", "bin", framework.Parent!.Name, framework.Name);
        var apphost = Path.Combine(directory, OperatingSystem.IsWindows() ? "evalh.exe" : "evalh");
        // run.sh's own rule: the native copy serves while its stamp is newer than the CLI build's.
        var build = Path.Combine(root.FullName, ".build");
        var ready = Path.Combine(build, "evalh", "evalh");
        if (File.Exists(ready) && File.Exists(Path.Combine(build, "stamp-ready")) && File.Exists(Path.Combine(build, "stamp-cli"))
            && File.GetLastWriteTimeUtc(Path.Combine(build, "stamp-ready")) > File.GetLastWriteTimeUtc(Path.Combine(build, "stamp-cli")))
        {
            return (ready, []);
        }

        if (File.Exists(apphost))
        {
            return (apphost, []);
        }

        var dll = Path.Combine(directory, "evalh.dll");
        return File.Exists(dll)
            ? ("dotnet", [dll])
            : throw new InvalidOperationException($"evalh is not built: neither {apphost} nor {dll} exists (dotnet build src/EvalHarness.Cli -c {framework.Parent.Name})");
    }
}
