using System.Diagnostics;

namespace EvalHarness.Reporting.Pdf;

/// <summary>
/// Prints the HTML report to PDF with a locally installed Chromium in headless mode. Evaluators run
/// this in closed networks, so the browser is started with every background service, proxy lookup
/// and first-run task off and a throw-away profile: printing makes no network connection, and the
/// page itself can load nothing (its Content-Security-Policy is <c>default-src 'none'</c>).
/// </summary>
public static class ChromiumPdf
{
    public const string BrowserVariable = "EVALH_CHROMIUM";

    /// <summary>Command-line flags before the profile, output and page, in the order they are passed.</summary>
    public static readonly IReadOnlyList<string> Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--disable-breakpad", "--disable-domain-reliability",
        "--disable-client-side-phishing-detection", "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
        "--no-first-run", "--no-default-browser-check", "--no-proxy-server", "--metrics-recording-only",
        "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=15000",
    ];

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    // Belt and braces: --no-proxy-server already makes Chromium ignore them, and without them in its
    // environment no helper process it starts can pick up a proxy (or a PAC URL to fetch) either.
    private static readonly string[] ProxyVariables = ["http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "auto_proxy"];

    /// <summary>The browser to use: EVALH_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH.</summary>
    public static string? Find(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(BrowserVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = environment("PATH") ?? string.Empty;
        foreach (var name in Candidates)
        {
            foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The one line to show when <see cref="Find"/> found nothing: what to install or what to fix.</summary>
    public static string NotFoundMessage(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var where = environment(BrowserVariable) is { Length: > 0 } configured
            ? $"{BrowserVariable} is set to {configured}, which does not exist"
            : $"none of {string.Join(", ", Candidates)} is on PATH";
        return $"--pdf needs Chromium and {where}; install it (Debian/Ubuntu: apt-get install chromium) or set {BrowserVariable} to the browser's path. The other reports were written.";
    }

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/>; returns null on success, else what went wrong.</summary>
    public static async Task<string?> PrintAsync(string browser, string htmlPath, string pdfPath, TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("evalh-pdf-");

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
            foreach (var name in ProxyVariables)
            {
                info.Environment.Remove(name);
            }

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
            DeleteProfile(profile);
        }
    }

    private static void DeleteProfile(DirectoryInfo profile)
    {
        // A helper process that outlives the browser by a moment can still be writing its last file.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                profile.Refresh();
                if (profile.Exists)
                {
                    profile.Delete(recursive: true);
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
