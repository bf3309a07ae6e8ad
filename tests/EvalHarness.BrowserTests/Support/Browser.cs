using EvalHarness.Reporting.Pdf;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace EvalHarness.BrowserTests.Support;

/// <summary>
/// Debian's Chromium driven through Debian's chromedriver, held to the promise `evalh report --pdf`
/// makes: the same binary (/usr/lib/chromium/chromium, never the /usr/bin/chromium launcher script that
/// sources /etc/chromium.d) and the same flags that keep it off the network. Selenium Manager is never
/// asked for a driver (it would try to download one).
/// </summary>
internal static class Browser
{
    public const string DriverPath = "/usr/bin/chromedriver";

    /// <summary>The browser `--pdf` would start, found the same way.</summary>
    public static string? ChromiumPath { get; } = ChromiumPdf.Find(Environment.GetEnvironmentVariable);

    public static bool Available => ChromiumPath is not null && File.Exists(DriverPath);

    /// <param name="profileDirectory">Chromium's user-data directory; the caller deletes it after quitting.</param>
    /// <param name="trace">When given, chromedriver (and the browser it starts) runs under strace writing this file (<see cref="NetworkTrace"/>).</param>
    public static ChromeDriver Start(string profileDirectory, int width = 1280, int height = 1600, string? trace = null)
    {
        if (!Available)
        {
            Assert.Fail($"browser tests need Debian's chromium and chromium-driver (chromium on PATH, {DriverPath}); ./run.sh installs them");
        }

        Environment.SetEnvironmentVariable("SE_AVOID_STATS", "true");
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var driver = trace is null ? DriverPath : TracedDriver(trace);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
        [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            .. ChromiumPdf.OfflineFlags,
            "--lang=en-US",
            $"--window-size={width},{height}",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--user-data-dir=" + profileDirectory,
        ]);
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>A stand-in for chromedriver beside the trace file that runs the real one under strace.</summary>
    private static string TracedDriver(string trace)
    {
        var script = Path.Combine(Path.GetDirectoryName(trace)!, "chromedriver");
        var options = string.Join(' ', NetworkTrace.StraceOptions(trace).Select(o => "'" + o.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        File.WriteAllText(script, $"#!/bin/sh\nexec strace {options} {DriverPath} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
