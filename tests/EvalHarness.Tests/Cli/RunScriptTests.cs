using System.Diagnostics;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>
/// run.sh, copied into a scratch tree with a stand-in <c>dotnet</c> that records what it was asked to do:
/// what each job builds, when it rebuilds, and the last line CI reads after the tests.
/// </summary>
[TestFixture]
public sealed class RunScriptTests
{
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        echo "dotnet $*" >> "$FAKE_LOG"
        case "$1" in
          --version) echo 10.0.100 ;;
          build) mkdir -p src/EvalHarness.Cli/bin/Release/net10.0 && touch src/EvalHarness.Cli/bin/Release/net10.0/evalh.dll ;;
          publish)
            [ "${FAKE_PUBLISH:-fail}" = ok ] || exit 1
            while [ $# -gt 0 ]; do [ "$1" = -o ] && out="$2"; shift; done
            mkdir -p "$out" && printf '#!/usr/bin/env bash\necho "ready-evalh $*" >> "$FAKE_LOG"\n' > "$out/evalh" && chmod +x "$out/evalh" ;;
          test)
            name="$(basename "$2" .csproj)"
            while [ $# -gt 0 ]; do [ "$1" = --results-directory ] && results="$2"; shift; done
            cp "$FAKE_TRX/$name.trx" "$results/$name.trx" ;;
        esac
        """;

    private const string FakeDpkgQuery = """
        #!/usr/bin/env bash
        printf 'install ok installed'
        """;

    private static readonly DateTime Past = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task The_main_job_and_the_cli_build_only_the_cli_and_a_cli_build_does_not_stand_in_for_the_test_build()
    {
        using var dir = Sandbox();

        var first = await RunAsync(dir, "--version");
        var again = await RunAsync(dir, "--version");
        var tests = await RunAsync(dir, "test");
        var testsAgain = await RunAsync(dir, "test");

        Assert.That(first.Builds, Is.EqualTo(new[] { "src/EvalHarness.Cli/EvalHarness.Cli.csproj" }), first.Error);
        Assert.That(first.Log, Has.Some.EndsWith("evalh.dll --version"));
        Assert.That(first.Error, Does.Contain("run.sh: building the CLI"), "the build says what it does");
        Assert.That(first.Log.Single(l => l.StartsWith("dotnet build", StringComparison.Ordinal)), Does.Contain("-v:minimal").And.Not.Contain("quiet"), "projects are listed as they are built");
        Assert.That(again.Builds, Is.Empty, "nothing changed");
        Assert.That(tests.Builds, Is.EqualTo(new[] { "EvalHarness.sln" }), "the CLI build left the tests unbuilt");
        Assert.That(testsAgain.Builds, Is.Empty);

        File.SetLastWriteTimeUtc(dir.File("tests/Unit/NewTest.cs", "// edited"), DateTime.UtcNow.AddMinutes(1));
        Assert.That((await RunAsync(dir, "--version")).Builds, Is.Empty, "a test file is not part of the CLI");
        Assert.That((await RunAsync(dir, "test")).Builds, Is.EqualTo(new[] { "EvalHarness.sln" }));

        File.SetLastWriteTimeUtc(dir.File("src/Lib/Changed.cs", "// edited"), DateTime.UtcNow.AddMinutes(2));
        var main = await RunAsync(dir);
        Assert.That(main.Builds, Is.EqualTo(new[] { "src/EvalHarness.Cli/EvalHarness.Cli.csproj" }), "./run.sh builds the CLI only");
        Assert.That(main.Log, Has.Some.EndsWith("evalh.dll run suites --model demo --gate suites/policies/procurement.yaml"), "the demo is gated with the procurement policy");
    }

    [Test]
    public async Task The_cli_is_compiled_ahead_of_time_once_per_build_and_the_jit_build_serves_when_that_fails()
    {
        using var dir = Sandbox();

        var first = await RunAsync(dir, ["--version"], ("FAKE_PUBLISH", "ok"));
        var again = await RunAsync(dir, ["--version"], ("FAKE_PUBLISH", "ok"));

        Assert.That(first.Log, Has.Some.StartsWith("dotnet publish src/EvalHarness.Cli/EvalHarness.Cli.csproj").And.Contains("-p:PublishAot=true"), first.Error);
        Assert.That(first.Log, Has.Some.EqualTo("ready-evalh --version"), "the native copy runs");
        Assert.That(again.Log.Where(l => l.StartsWith("dotnet publish", StringComparison.Ordinal)), Is.Empty, "nothing changed: no second publish");
        Assert.That(again.Log, Has.Some.EqualTo("ready-evalh --version"));

        File.SetLastWriteTimeUtc(dir.File("src/Lib/Changed.cs", "// edited"), DateTime.UtcNow.AddMinutes(1));
        var failed = await RunAsync(dir, ["--version"], ("FAKE_PUBLISH", "fail"));
        Assert.That(failed.Log, Has.Some.StartsWith("dotnet publish"), "a changed source is compiled again");
        Assert.That(failed.Log, Has.Some.EndsWith("evalh.dll --version"), "a stale native copy is never run: the JIT build serves");
        Assert.That(failed.Log, Has.None.EqualTo("ready-evalh --version"));
        Assert.That(failed.Error, Does.Contain("native compilation failed"));

        var jitOnly = await RunAsync(dir, ["--version"], ("FAKE_PUBLISH", "ok"), ("EVALH_NATIVE", "0"));
        Assert.That(jitOnly.Log.Where(l => l.StartsWith("dotnet publish", StringComparison.Ordinal)), Is.Empty, "EVALH_NATIVE=0 skips the native compilation");
        Assert.That(jitOnly.Log, Has.Some.EndsWith("evalh.dll --version"));
    }

    [Test]
    public async Task Test_prints_a_last_line_with_skipped_tests_counting_explicit_ones()
    {
        using var dir = Sandbox();
        // What NUnit's adapter writes when an [Explicit] test is not selected: in total, in no other counter.
        dir.File("trx/Browser.trx", Trx("total=\"36\" executed=\"35\" passed=\"35\" failed=\"0\" error=\"0\" timeout=\"0\" aborted=\"0\" inconclusive=\"0\" notExecuted=\"0\""));
        dir.File("trx/Unit.trx", Trx("total=\"10\" executed=\"10\" passed=\"9\" failed=\"1\" error=\"0\" timeout=\"0\" aborted=\"0\" inconclusive=\"0\" notExecuted=\"0\""));

        var run = await RunAsync(dir, "test");

        Assert.That(run.ExitCode, Is.EqualTo(1), "a test failed");
        Assert.That(run.Out.TrimEnd().Split('\n')[^1], Is.EqualTo("44 passed, 1 failed, 1 skipped"));
    }

    [Test]
    public async Task Test_prints_only_passed_and_failed_when_nothing_was_skipped()
    {
        using var dir = Sandbox();
        dir.File("trx/Browser.trx", Trx("total=\"3\" executed=\"3\" passed=\"3\" failed=\"0\" error=\"0\" timeout=\"0\" aborted=\"0\" inconclusive=\"0\" notExecuted=\"0\""));
        dir.File("trx/Unit.trx", Trx("total=\"2\" executed=\"2\" passed=\"2\" failed=\"0\" error=\"0\" timeout=\"0\" aborted=\"0\" inconclusive=\"0\" notExecuted=\"0\""));

        var run = await RunAsync(dir, "test");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out.TrimEnd().Split('\n')[^1], Is.EqualTo("5 passed, 0 failed"));
    }

    private static string Trx(string counters) =>
        $"""<?xml version="1.0" encoding="utf-8"?><TestRun><ResultSummary outcome="Completed"><Counters {counters} /></ResultSummary></TestRun>""";

    /// <summary>The files run.sh looks at, dated in the past, and the stand-ins on PATH.</summary>
    private static TempDirectory Sandbox()
    {
        var dir = new TempDirectory();
        File.Copy(Path.Combine(RepoPaths.Root, "run.sh"), dir.Combine("run.sh"));
        var files = new[]
        {
            dir.File("EvalHarness.sln", string.Empty),
            dir.File("Directory.Build.props", "<Project />"),
            dir.File("Directory.Build.targets", "<Project />"),
            dir.File("Directory.Packages.props", "<Project />"),
            dir.File("src/EvalHarness.Cli/EvalHarness.Cli.csproj", "<Project />"),
            dir.File("src/Lib/Lib.cs", "// library"),
            dir.File("tests/Unit/Unit.csproj", "<Project><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup></Project>"),
            dir.File("tests/Browser/Browser.csproj", "<Project><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup></Project>"),
            dir.File("bin/dotnet", FakeDotnet.ReplaceLineEndings("\n") + "\n"),
            dir.File("bin/dpkg-query", FakeDpkgQuery.ReplaceLineEndings("\n") + "\n"),
        };
        foreach (var file in files)
        {
            File.SetLastWriteTimeUtc(file, Past);
        }

        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("run.sh and its stand-ins are POSIX shell scripts");
        }
        else
        {
            foreach (var script in new[] { "run.sh", "bin/dotnet", "bin/dpkg-query" })
            {
                File.SetUnixFileMode(dir.Combine(script), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        dir.File("trx/Unit.trx", Trx("total=\"1\" passed=\"1\""));
        dir.File("trx/Browser.trx", Trx("total=\"1\" passed=\"1\""));
        return dir;
    }

    private static Task<ScriptRun> RunAsync(TempDirectory dir, params string[] args) => RunAsync(dir, args, []);

    private static async Task<ScriptRun> RunAsync(TempDirectory dir, string[] args, params (string Name, string Value)[] variables)
    {
        var log = dir.Combine("dotnet.log");
        File.WriteAllText(log, string.Empty);
        var info = new ProcessStartInfo(dir.Combine("run.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir.Path,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PATH"] = dir.Combine("bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        info.Environment["FAKE_LOG"] = log;
        info.Environment["FAKE_TRX"] = dir.Combine("trx");
        info.Environment.Remove("EVAL_MODEL");
        foreach (var (name, value) in variables)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = File.ReadAllLines(log);
        return new ScriptRun(process.ExitCode, await output, await error, lines);
    }
}
