using System.Diagnostics;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>Start information for this benchmark executable in another of its modes (serve, measure).</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        // Run through `dotnet Benchmarks.dll` the process path is the host, which needs the assembly first.
        var assembly = typeof(SelfProcess).Assembly.Location;
        if (!Environment.ProcessPath!.EndsWith(Path.GetFileNameWithoutExtension(assembly), StringComparison.Ordinal))
        {
            info.ArgumentList.Add(assembly);
        }

        foreach (var argument in args)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
