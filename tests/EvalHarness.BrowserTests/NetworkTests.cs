using EvalHarness.BrowserTests.Support;

namespace EvalHarness.BrowserTests;

/// <summary>
/// The promise docs/reports.md makes for closed networks: `evalh report --pdf`, and the Chromium these
/// tests drive, make no DNS query and connect to nothing beyond this machine. Checked from outside with
/// strace on the whole process tree, so whatever Chromium starts is seen, whatever its flags say.
/// </summary>
[TestFixture]
public sealed class NetworkTests
{
    [Test]
    public async Task Report_pdf_makes_no_dns_query_and_no_connection_beyond_this_machine()
    {
        await NetworkTrace.RequireTracerAsync();
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path);
        var trace = dir.Combine("report-pdf.strace");

        var (code, output) = await NetworkTrace.RunAsync(
            trace,
            [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", RepoPaths.CliDll, "report", run, "--pdf"],
            new Dictionary<string, string?> { ["EVALH_CHROMIUM"] = null, ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin" },
            TimeSpan.FromMinutes(3));

        Assert.That(code, Is.Zero, output);
        Assert.That(File.ReadAllBytes(Path.Combine(run, "report.pdf")), Has.Length.GreaterThan(1000), "the browser printed");
        AssertStayedOnThisMachine(File.ReadAllLines(trace));
    }

    [Test]
    public async Task The_browser_the_tests_drive_makes_no_dns_query_and_no_connection_beyond_this_machine()
    {
        await NetworkTrace.RequireTracerAsync();
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path);
        var trace = dir.Combine("chromedriver.strace");

        using (var page = ReportPage.Start(trace: trace))
        {
            page.Open(Path.Combine(run, "report.html"));
            Assert.That(page.SampleKeys(), Has.Count.EqualTo(24), "the explorer ran");
        }

        var lines = File.ReadAllLines(trace);
        Assert.That(NetworkTrace.Executed(lines), Does.Contain(Browser.DriverPath), "chromedriver ran under the tracer");
        AssertStayedOnThisMachine(lines, only: Browser.ChromiumPath);

        // chromedriver is built on Chromium's network code, which checks for an IPv6 route before it
        // resolves "localhost" (to reach the browser's DevTools port): a connect() on a UDP socket to
        // 2001:4860:4860::8888, which sends nothing. That check is all it may do beyond loopback.
        var processes = new TraceProcesses(lines);
        var driver = NetworkTrace.OffMachine(lines.Where(l => !processes.Under(l, Browser.ChromiumPath!)));
        Assert.That(driver, Has.All.StartWith("a connection to 2001:4860:4860::8888 port 443: "), string.Join('\n', driver));
    }

    [Test]
    public async Task The_check_sees_dns_queries_and_connections_beyond_this_machine_and_lets_local_sockets_pass()
    {
        await NetworkTrace.RequireTracerAsync();
        using var dir = new TempDirectory();
        var trace = dir.Combine("control.strace");

        // UDP connect() sends nothing, so this reaches no one; the trace still shows each attempt.
        var (code, output) = await NetworkTrace.RunAsync(
            trace,
            ["bash", "-c", "exec 3<>/dev/udp/192.0.2.1/9; exec 4<>/dev/udp/127.0.0.53/53; exec 5<>/dev/udp/127.0.0.1/9"],
            null,
            TimeSpan.FromMinutes(1));
        var found = NetworkTrace.OffMachine(File.ReadAllLines(trace));

        Assert.That(code, Is.Zero, output);
        Assert.That(found, Has.Count.EqualTo(2), string.Join('\n', found));
        Assert.That(found[0], Does.StartWith("a connection to 192.0.2.1 port 9"));
        Assert.That(found[1], Does.StartWith("a DNS query to 127.0.0.53"), "a DNS query is forbidden even to a resolver on loopback");

        // Lines as strace wrote them for Debian's launcher in the run that reported this.
        string[] recorded =
        [
            """12806 connect(24, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>""",
            """12691 connect(103, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0""",
            """12700 sendmsg(9, {msg_name={sa_family=AF_INET6, sin6_port=htons(5353), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "ff02::fb", &sin6_addr), sin6_scope_id=0}, msg_namelen=28}, 0) = 40""",
            """12692 sendto(31, [{nlmsg_len=17, nlmsg_type=RTM_GETADDR}], 17, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 17""",
            """12634 connect(120, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 29) = -1 ENOENT (No such file or directory)""",
            """12900 connect(7, {sa_family=AF_INET, sin_port=htons(41235), sin_addr=inet_addr("127.0.0.1")}, 16) = 0""",
            """12901 connect(8, {sa_family=AF_INET6, sin6_port=htons(41235), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0""",
        ];
        Assert.That(NetworkTrace.OffMachine(recorded).Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "a connection to 2001:4860:4860::8888 port 443",
            "a DNS query to 10.255.255.53",
            "a connection to ff02::fb port 5353",
        }));
    }

    /// <param name="only">When given, only the processes running this program and those they started are held to it.</param>
    private static void AssertStayedOnThisMachine(string[] trace, string? only = null)
    {
        var executed = NetworkTrace.Executed(trace);
        Assert.That(executed, Does.Contain(Browser.ChromiumPath), "Chromium ran under the tracer");
        if (File.Exists("/usr/lib/chromium/chromium"))
        {
            Assert.That(executed, Has.None.EqualTo("/usr/bin/chromium"), "Debian's launcher script (which sources /etc/chromium.d) never ran");
        }

        var checkedLines = trace.AsEnumerable();
        if (only is not null)
        {
            var processes = new TraceProcesses(trace);
            checkedLines = trace.Where(l => processes.Under(l, only)).ToList();
            Assert.That(checkedLines.Count(l => l.Contains("sa_family=AF_UNIX", StringComparison.Ordinal)), Is.GreaterThan(0),
                "the browser's own socket calls were told apart from the rest of the trace");
        }

        var found = NetworkTrace.OffMachine(checkedLines);
        Assert.That(found, Is.Empty, $"{found.Count} attempts to reach beyond this machine:\n{string.Join('\n', found.Take(20))}");
    }
}
