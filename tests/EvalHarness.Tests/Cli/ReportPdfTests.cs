using EvalHarness.Cli;
using EvalHarness.Reporting.Pdf;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>
/// <c>evalh report --pdf</c> with a stand-in browser (a shell script that records how it was started
/// and writes a PDF stub), so the flags, the profile and the failure paths are checked without
/// Chromium. The real Chromium is exercised by the browser tests (PrintTests).
/// </summary>
[TestFixture]
public sealed class ReportPdfTests
{
    private static readonly string[] NetworkFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ^NOTFOUND", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--no-proxy-server", "--disable-extensions", "--disable-default-apps",
    ];

    private static readonly string[] GoogleKeys = ["GOOGLE_API_KEY", "GOOGLE_DEFAULT_CLIENT_ID", "GOOGLE_DEFAULT_CLIENT_SECRET"];

    private static readonly string[] OtherFormats = ["results.json", "report.html", "report.md", "samples.csv", "report.json"];

    [Test]
    public async Task The_browser_is_started_headless_resolving_no_host_with_no_proxy_no_google_keys_and_a_fresh_profile_deleted_afterwards()
    {
        using var dir = new TempDirectory();
        var run = await DemoRunAsync(dir);
        var browser = FakeBrowser(dir);

        using var child = ChildProcess.StartEvalh(["report", run, "--pdf"], new Dictionary<string, string>
        {
            [ChromiumPdf.BrowserVariable] = browser,
            ["http_proxy"] = "http://127.0.0.1:9",
            ["HTTPS_PROXY"] = "http://127.0.0.1:9",
            ["all_proxy"] = "socks5://127.0.0.1:9",
            ["GOOGLE_API_KEY"] = "AIza-test-key",
            ["GOOGLE_DEFAULT_CLIENT_ID"] = "client.apps.googleusercontent.com",
            ["GOOGLE_DEFAULT_CLIENT_SECRET"] = "client-secret",
        });
        var code = await child.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), child.Output + child.Error);
        var args = File.ReadAllLines(dir.Combine("browser", "calls.args"));
        Assert.That(args, Is.SupersetOf(NetworkFlags));
        Assert.That(args.Where(a => a.StartsWith("--host-resolver-rules", StringComparison.Ordinal)), Is.EqualTo(new[] { "--host-resolver-rules=MAP * ^NOTFOUND" }),
            "every host name fails inside the browser, with no exception");
        Assert.That(args, Has.None.StartWith("--proxy-server").And.None.StartWith("--proxy-pac-url").And.None.StartWith("--remote-debugging"));
        Assert.That(args[^1], Is.EqualTo(new Uri(Path.Combine(run, "report.html")).AbsoluteUri), "the page is the report on disk, nothing remote");
        var profile = args.Single(a => a.StartsWith("--user-data-dir=", StringComparison.Ordinal))["--user-data-dir=".Length..];
        Assert.That(profile, Does.StartWith(Path.GetTempPath()).And.Contain("evalh-pdf-"), "a profile of its own, never the user's");
        Assert.That(File.ReadAllText(dir.Combine("browser", "calls.profile")).Trim(), Is.EqualTo("empty"), "the profile existed and was fresh while printing");
        Assert.That(Directory.Exists(profile), Is.False, "the profile is deleted afterwards");
        var env = File.ReadAllLines(dir.Combine("browser", "calls.env"));
        Assert.That(env, Has.None.Match("(?i)^(http|https|all|no)_proxy="), "no proxy reaches the browser");
        Assert.That(env, Has.None.Match("^(" + string.Join('|', GoogleKeys) + ")="), "no Google API key reaches the browser");
        var configHome = env.Single(e => e.StartsWith("CHROME_CONFIG_HOME=", StringComparison.Ordinal))["CHROME_CONFIG_HOME=".Length..];
        Assert.That(configHome, Does.StartWith(Path.GetTempPath()).And.Contain("evalh-pdf-"), "crash-report settings and the like go to the throw-away directory, not ~/.config");
        Assert.That(Directory.Exists(configHome), Is.False, "and are deleted afterwards");
        Assert.That(File.ReadAllText(Path.Combine(run, "report.pdf")), Does.StartWith("%PDF-"));
        Assert.That(Directory.GetFiles(run, "*.partial"), Is.Empty);
        Assert.That(child.Output, Does.Contain("pdf: "));
    }

    [TestCase("path")]
    [TestCase("variable")]
    public async Task A_launcher_script_such_as_debians_usr_bin_chromium_is_bypassed_for_the_browser_it_starts(string how)
    {
        using var dir = new TempDirectory();
        var run = await DemoRunAsync(dir);
        var browser = FakeBrowser(dir, Path.Combine("usr", "lib", "chromium", "chromium"));

        // Like Debian's launcher: reads system-wide settings (here it only leaves a mark), then starts the binary.
        var launcher = Executable(dir.File(Path.Combine("usr", "bin", "chromium"), """
            #!/bin/sh
            here="$(dirname "$0")"
            echo ran > "$here/launcher-ran"
            exec "$here/../lib/chromium/chromium" "$@"
            """.ReplaceLineEndings("\n")));
        var variables = how == "path"
            ? new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(launcher) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") }
            : new Dictionary<string, string> { [ChromiumPdf.BrowserVariable] = launcher };

        var report = await CliRun.InvokeAsync(["report", run, "--pdf"], variables);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.All);
        Assert.That(File.Exists(dir.Combine("usr", "lib", "chromium", "calls.args")), Is.True, "the browser printed");
        Assert.That(File.Exists(dir.Combine("usr", "bin", "launcher-ran")), Is.False, "the launcher script never ran");
        Assert.That(ChromiumPdf.Find(name => variables.GetValueOrDefault(name)), Is.EqualTo(browser));
        Assert.That(File.ReadAllText(Path.Combine(run, "report.pdf")), Does.StartWith("%PDF-"));
    }

    [TestCase("variable")]
    [TestCase("path")]
    public async Task Without_chromium_one_message_names_what_to_install_every_other_format_is_written_and_the_exit_code_is_3(string how)
    {
        using var dir = new TempDirectory();
        var run = await DemoRunAsync(dir);
        foreach (var file in OtherFormats)
        {
            File.Delete(Path.Combine(run, file));
        }

        var emptyPath = Directory.CreateDirectory(dir.Combine("empty-bin")).FullName;
        var variables = how == "variable"
            ? new Dictionary<string, string> { [ChromiumPdf.BrowserVariable] = dir.Combine("nowhere", "chromium"), ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin" }
            : new Dictionary<string, string> { ["PATH"] = emptyPath };

        var report = await CliRun.InvokeAsync(["report", run, "--pdf"], variables);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Aborted), report.All);
        var errors = report.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(errors, Has.Length.EqualTo(1), "one message:\n" + report.Error);
        Assert.That(errors[0], Does.Contain("apt-get install chromium").And.Contain(ChromiumPdf.BrowserVariable).And.Contain("report.pdf not written"));
        Assert.That(errors[0], how == "variable" ? Does.Contain(dir.Combine("nowhere", "chromium")) : Does.Contain("on PATH"), "says where it looked");
        Assert.Multiple(() =>
        {
            foreach (var file in OtherFormats)
            {
                Assert.That(new FileInfo(Path.Combine(run, file)).Length, Is.GreaterThan(0), file + " is written anyway");
            }
        });
        Assert.That(File.Exists(Path.Combine(run, "report.pdf")), Is.False);
    }

    [Test]
    public async Task A_browser_that_fails_leaves_no_partial_pdf_keeps_an_earlier_one_and_exits_3()
    {
        using var dir = new TempDirectory();
        var run = await DemoRunAsync(dir);
        var browser = FakeBrowser(dir);
        File.WriteAllText(dir.Combine("browser", "fail"), "yes");
        File.WriteAllText(Path.Combine(run, "report.pdf"), "%PDF- earlier");

        var report = await CliRun.InvokeAsync(["report", run, "--pdf"], new Dictionary<string, string> { [ChromiumPdf.BrowserVariable] = browser });

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Aborted), report.All);
        Assert.That(report.Error, Does.Contain("report.pdf not written").And.Contain("exited with code 7").And.Contain("renderer crashed"));
        Assert.That(File.ReadAllText(Path.Combine(run, "report.pdf")), Is.EqualTo("%PDF- earlier"), "a half-printed file never replaces a good one");
        Assert.That(Directory.GetFiles(run, "*.partial", new EnumerationOptions { AttributesToSkip = 0 }), Is.Empty);
        Assert.That(File.Exists(Path.Combine(run, "report.html")), Is.True);
    }

    private static async Task<string> DemoRunAsync(TempDirectory dir)
    {
        var run = dir.Combine("run");
        var made = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", run]);
        Assert.That(made.ExitCode, Is.EqualTo(ExitCodes.Ok), made.All);
        return run;
    }

    /// <summary>A stand-in for Chromium: records its arguments, environment and profile, then writes a PDF stub (or fails when told to).</summary>
    private static string FakeBrowser(TempDirectory dir, string at = "browser/chromium") => Executable(dir.File(at, """
            #!/bin/sh
            here="$(dirname "$0")"
            for a in "$@"; do printf '%s\n' "$a"; done > "$here/calls.args"
            env > "$here/calls.env"
            out=""; profile=""
            for a in "$@"; do
              case "$a" in
                --print-to-pdf=*) out="${a#--print-to-pdf=}" ;;
                --user-data-dir=*) profile="${a#--user-data-dir=}" ;;
              esac
            done
            if [ -d "$profile" ] && [ -z "$(ls -A "$profile")" ]; then echo empty > "$here/calls.profile"; else echo missing > "$here/calls.profile"; fi
            touch "$profile/Local State"
            if [ -f "$here/fail" ]; then
              printf '%%PDF-1.4 half' > "$out"
              : > "$out"
              echo "[0101/000000.000:ERROR] renderer crashed" >&2
              exit 7
            fi
            printf '%%PDF-1.4\n%% stand-in\n%%%%EOF\n' > "$out"
            """.ReplaceLineEndings("\n")));

    private static string Executable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("the stand-in browser is a POSIX shell script");
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
