using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace EvalHarness.BrowserTests.Support;

/// <summary>
/// What a process tree tried to reach, seen from outside by <c>strace -f</c>: every address passed to
/// connect, sendto, sendmsg and sendmmsg, and every program started. Sockets on this machine (AF_UNIX,
/// netlink, loopback addresses) are the browser talking to itself; any other address, and any DNS
/// query even to a resolver on loopback, is the network. A UDP connect() that sends nothing counts too:
/// it is how Chromium probes for a route to the internet.
/// </summary>
internal static partial class NetworkTrace
{
    private static readonly string[] LocalFamilies = ["AF_UNIX", "AF_LOCAL", "AF_NETLINK", "AF_UNSPEC"];

    /// <summary>strace's options that trace a command and everything it starts into <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> StraceOptions(string output) =>
        ["-f", "-qq", "--seccomp-bpf", "-e", "trace=connect,sendto,sendmsg,sendmmsg,execve,clone,clone3,fork,vfork", "-e", "signal=none", "-o", output];

    /// <summary>
    /// Fails the test when strace is missing; ignores it, saying why, only where the kernel or container
    /// forbids tracing (ptrace denied), since then nothing here can be checked.
    /// </summary>
    public static async Task RequireTracerAsync()
    {
        using var dir = new TempDirectory();
        (int Code, string Output) probe;
        try
        {
            probe = await RunAsync(dir.Combine("probe.strace"), ["true"], null, TimeSpan.FromMinutes(1));
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"the network checks need strace ({ex.Message}); apt-get install strace (./run.sh test installs it)");
            return;
        }

        if (probe.Code != 0)
        {
            var reason = probe.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? $"exit code {probe.Code}";
            if (reason.Contains("ptrace", StringComparison.OrdinalIgnoreCase) || reason.Contains("Operation not permitted", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Ignore($"strace cannot trace processes here ({reason.Trim()}): ptrace is denied in this environment, so what the browser reaches is not checked");
            }

            Assert.Fail($"strace failed on `true`: {probe.Output}");
        }
    }

    /// <summary>Runs <paramref name="command"/> under strace; returns its exit code and what it printed (stdout and stderr).</summary>
    public static async Task<(int Code, string Output)> RunAsync(string trace, IReadOnlyList<string> command, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("strace") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in StraceOptions(trace).Concat(command))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{string.Join(' ', command)} under strace did not finish within {timeout.TotalMinutes:0} min");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>The trace lines that reach beyond this machine, each with what it reached; empty when nothing did.</summary>
    public static IReadOnlyList<string> OffMachine(IEnumerable<string> lines)
    {
        var found = new List<string>();
        foreach (var line in lines)
        {
            if (ExecveCall().IsMatch(line))
            {
                continue;
            }

            var families = Family().Matches(line);
            for (var i = 0; i < families.Count; i++)
            {
                var family = families[i].Groups[1].Value;
                var end = i + 1 < families.Count ? families[i + 1].Index : line.Length;
                var address = line[families[i].Index..end];
                if (Reason(family, address) is { } reason)
                {
                    found.Add($"{reason}: {line.Trim()}");
                }
            }
        }

        return found;
    }

    /// <summary>The programs started in the trace (successful execve calls), in order.</summary>
    public static IReadOnlyList<string> Executed(IEnumerable<string> lines) =>
        lines.Select(l => ExecveCall().Match(l)).Where(m => m.Success && !m.Value.Contains("= -1", StringComparison.Ordinal)).Select(m => m.Groups[1].Value).ToList();

    private static string? Reason(string family, string sockaddr)
    {
        if (LocalFamilies.Contains(family))
        {
            return null;
        }

        var (port, text) = family switch
        {
            "AF_INET" => (Inet4Port().Match(sockaddr), Inet4Address().Match(sockaddr)),
            "AF_INET6" => (Inet6Port().Match(sockaddr), Inet6Address().Match(sockaddr)),
            _ => (Match.Empty, Match.Empty),
        };
        if (!port.Success || !text.Success || !IPAddress.TryParse(text.Groups[1].Value, out var address))
        {
            return $"a {family} address this check cannot read";
        }

        if (int.Parse(port.Groups[1].Value, CultureInfo.InvariantCulture) == 53)
        {
            return $"a DNS query to {address}";
        }

        var local = IPAddress.IsLoopback(address) || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4()));
        return local ? null : $"a connection to {address} port {port.Groups[1].Value}";
    }

    [GeneratedRegex(@"sa_family=(AF_[A-Z0-9]+)")]
    private static partial Regex Family();

    [GeneratedRegex(@"sin_port=htons\((\d+)\)")]
    private static partial Regex Inet4Port();

    [GeneratedRegex(@"sin_addr=inet_addr\(""([^""]+)""\)")]
    private static partial Regex Inet4Address();

    [GeneratedRegex(@"sin6_port=htons\((\d+)\)")]
    private static partial Regex Inet6Port();

    [GeneratedRegex(@"inet_pton\(AF_INET6, ""([^""]+)""")]
    private static partial Regex Inet6Address();

    [GeneratedRegex(@"execve\(""([^""]+)"".*$")]
    private static partial Regex ExecveCall();
}
