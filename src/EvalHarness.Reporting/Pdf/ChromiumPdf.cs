using System.Diagnostics;

namespace EvalHarness.Reporting.Pdf;

/// <summary>
/// Prints the HTML report to PDF with a locally installed Chromium in headless mode. Evaluators run
/// this in closed networks, so the browser makes no DNS query and opens no connection beyond this
/// machine: every host name resolves to "not found" inside Chromium, its background services are off,
/// it gets a throw-away profile and configuration directory and no proxy or Google API key, and the
/// page itself can load nothing (its Content-Security-Policy is <c>default-src 'none'</c>).
/// </summary>
public static class ChromiumPdf
{
    public const string BrowserVariable = "EVALH_CHROMIUM";

    /// <summary>
    /// What keeps Chromium off the network, in the order passed; the browser tests start their Chromium
    /// with the same flags. The host-resolver rule is the guarantee: Chromium still tries sign-in
    /// (accounts.google.com) and an on-demand component check whatever the flags say, and the rule ends
    /// those inside the browser, before any DNS query or socket. The rest switch off what they can.
    /// </summary>
    public static readonly IReadOnlyList<string> OfflineFlags =
    [
        // Current Chromium spells it ^NOTFOUND; the older ~NOTFOUND is now just a bad host name that reaches
        // the resolver, which first probes IPv6 reachability with a UDP socket to 2001:4860:4860::8888.
        "--host-resolver-rules=MAP * ^NOTFOUND",
        "--no-proxy-server", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--disable-component-extensions-with-background-pages",
        "--disable-breakpad", "--disable-crash-reporter", "--disable-domain-reliability", "--no-pings",
        "--disable-client-side-phishing-detection", "--safebrowsing-disable-auto-update",
        "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,NetworkTimeServiceQuerying",
        "--no-first-run", "--no-default-browser-check", "--metrics-recording-only",
    ];

    /// <summary>Command-line flags before the profile, output and page, in the order they are passed.</summary>
    public static readonly IReadOnlyList<string> Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        .. OfflineFlags,
        "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=15000",
    ];

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    // Belt and braces: --no-proxy-server already makes Chromium ignore them, and without them in its
    // environment no helper process it starts can pick up a proxy (or a PAC URL to fetch) either.
    // The Google API keys (Debian's launcher exports its own) are what Google's services sign in with.
    private static readonly string[] RemovedVariables =
    [
        "http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "auto_proxy",
        "GOOGLE_API_KEY", "GOOGLE_DEFAULT_CLIENT_ID", "GOOGLE_DEFAULT_CLIENT_SECRET",
    ];

    /// <summary>
    /// The browser to use: EVALH_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on
    /// PATH; a launcher script is replaced by the binary it starts (<see cref="Unwrapped"/>).
    /// </summary>
    public static string? Find(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(BrowserVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? Unwrapped(configured) : null;
        }

        var path = environment("PATH") ?? string.Empty;
        foreach (var name in Candidates)
        {
            foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return Unwrapped(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>The one line to show when <see cref="Find"/> found nothing: what to install or what to fix.</summary>
    /// <param name="written">What was written all the same, said after the fix ("The other reports were written.").</param>
    public static string NotFoundMessage(Func<string, string?> environment, string written = "The other reports were written.")
    {
        ArgumentNullException.ThrowIfNull(environment);
        var where = environment(BrowserVariable) is { Length: > 0 } configured
            ? $"{BrowserVariable} is set to {configured}, which does not exist"
            : $"none of {string.Join(", ", Candidates)} is on PATH";
        return $"--pdf needs Chromium and {where}; install it (Debian/Ubuntu: apt-get install chromium) or set {BrowserVariable} to the browser's path." + (written.Length > 0 ? " " + written : string.Empty);
    }

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/>; returns null on success, else what went wrong.</summary>
    public static async Task<string?> PrintAsync(string browser, string htmlPath, string pdfPath, TimeSpan timeout)
    {
        // The profile and Chromium's configuration home (where it keeps crash-report settings whatever the
        // profile) live in one throw-away directory, so nothing is read from or left in the user's home.
        var work = Directory.CreateTempSubdirectory("evalh-pdf-");
        var profile = work.CreateSubdirectory("profile");

        // Printed beside the target and moved into place only when complete, so a browser that dies or
        // times out mid-print leaves no truncated report.pdf, and an earlier good one stays untouched.
        var partial = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pdfPath))!, $".{Path.GetFileName(pdfPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            var info = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var name in RemovedVariables)
            {
                info.Environment.Remove(name);
            }

            info.Environment["CHROME_CONFIG_HOME"] = work.CreateSubdirectory("config").FullName;

            foreach (var argument in Flags.Concat(
            [
                "--user-data-dir=" + profile.FullName,
                "--print-to-pdf=" + partial,
                new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            ]))
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return $"{browser} did not finish printing within {timeout.TotalSeconds:0} s";
            }

            if (!File.Exists(partial) || new FileInfo(partial).Length == 0)
            {
                var detail = (await stderr.ConfigureAwait(false)).Split('\n').LastOrDefault(l => l.Trim().Length > 0) ?? string.Empty;
                return $"{browser} exited with code {process.ExitCode} without writing {pdfPath} {detail}".Trim();
            }

            File.Move(partial, pdfPath, overwrite: true);
            return null;
        }
        finally
        {
            File.Delete(partial);
            DeleteWorkDirectory(work);
        }
    }

    /// <summary>
    /// Debian's /usr/bin/chromium (like Fedora's chromium-browser) is a shell script that first sources
    /// /etc/chromium.d, which exports Google API keys and puts flags (remote extensions on) ahead of ours.
    /// The binary such a script starts, NAME in lib/NAME or lib64/NAME beside its bin directory, is
    /// started directly instead; a script with no binary there, or anything else, is used as given.
    /// </summary>
    private static string Unwrapped(string path)
    {
        var target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        if (!IsScript(target) || Path.GetDirectoryName(Path.GetDirectoryName(target)) is not { } prefix)
        {
            return path;
        }

        var name = Path.GetFileName(target);
        foreach (var lib in new[] { "lib", "lib64" })
        {
            var binary = Path.Combine(prefix, lib, name, name);
            if (File.Exists(binary))
            {
                return binary;
            }
        }

        return path;
    }

    private static bool IsScript(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> start = stackalloc byte[2];
            return file.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2 && start[0] == '#' && start[1] == '!';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void DeleteWorkDirectory(DirectoryInfo work)
    {
        // A helper process that outlives the browser by a moment can still be writing its last file.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                work.Refresh();
                if (work.Exists)
                {
                    work.Delete(recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200);
            }
        }
    }
}
