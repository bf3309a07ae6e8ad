using System.Diagnostics;

namespace EvalHarness.Tests.Support;

/// <summary>
/// evalh as a user starts it, in its own process: the JIT-compiled build (<c>dotnet evalh.dll</c>) or the natively
/// compiled one <c>./run.sh</c> publishes (<c>EVALH_NATIVE_CLI</c>). Only the variables given reach it.
/// </summary>
internal sealed record CliProcess(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    /// <summary>The native CLI ./run.sh test compiled, or null when the tests run without ./run.sh.</summary>
    public static string? NativePath => Environment.GetEnvironmentVariable("EVALH_NATIVE_CLI") is { Length: > 0 } path ? path : null;

    public static Task<CliProcess> JitAsync(IEnumerable<string> args, IDictionary<string, string> variables) =>
        RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [RepoPaths.CliDll, .. args], variables);

    public static Task<CliProcess> NativeAsync(IEnumerable<string> args, IDictionary<string, string> variables) =>
        RunAsync(NativePath ?? throw new InvalidOperationException("EVALH_NATIVE_CLI is not set"), args, variables);

    private static async Task<CliProcess> RunAsync(string program, IEnumerable<string> args, IDictionary<string, string> variables)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "LANG", "DOTNET_ROOT", "TMPDIR" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                info.Environment[name] = value;
            }
        }

        info.Environment["CI"] = "true";
        foreach (var (name, value) in variables)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', info.ArgumentList)} ran for 5 minutes");
        }

        return new CliProcess(process.ExitCode, await output, await error);
    }
}
