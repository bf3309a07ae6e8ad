namespace EvalHarness.Tests.Support;

/// <summary>One run of run.sh under a stand-in dotnet: its exit code, output and what dotnet was asked.</summary>
internal sealed record ScriptRun(int ExitCode, string Out, string Error, IReadOnlyList<string> Log)
{
    /// <summary>The project or solution of each <c>dotnet build</c>, in order.</summary>
    public IReadOnlyList<string> Builds =>
        Log.Where(l => l.StartsWith("dotnet build ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
}
