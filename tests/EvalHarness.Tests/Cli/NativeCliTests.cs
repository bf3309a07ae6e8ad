using System.Text.RegularExpressions;
using EvalHarness.Cli;
using EvalHarness.Results;
using EvalHarness.Tests.Rescoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>
/// The natively compiled CLI that <c>./run.sh</c> runs does what the JIT-compiled build does: the same files
/// byte for byte, the same console, the same exit codes, through the paths where ahead-of-time compilation
/// breaks things (reflection in the report template, the serializers, CSV, the SDKs, MeCab, Chromium).
/// <c>./run.sh test</c> compiles it and names it in EVALH_NATIVE_CLI; without that the tests are skipped.
/// </summary>
[TestFixture]
public sealed partial class NativeCliTests
{
    private static readonly string[] ReportFiles = ["results.json", "report.html", "report.json", "report.md", "samples.csv", "gate.json"];

    [SetUp]
    public void RequireNative()
    {
        if (CliProcess.NativePath is not { } path)
        {
            Assert.Ignore("EVALH_NATIVE_CLI is not set: ./run.sh test compiles the native CLI and runs these tests");
        }
        else if (!File.Exists(path))
        {
            Assert.Fail($"EVALH_NATIVE_CLI: {path}");
        }
    }

    private static Dictionary<string, string> Variables(TempDirectory dir, params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string> { ["EVALH_CACHE_DIR"] = dir.Combine("cache") };
        foreach (var (name, value) in more)
        {
            variables[name] = value;
        }

        return variables;
    }

    private static async Task<(CliProcess Jit, CliProcess Native)> BothAsync(TempDirectory dir, Func<string, string[]> args, params (string Name, string Value)[] variables)
    {
        var jit = await CliProcess.JitAsync(args("jit"), Variables(dir, variables));
        var native = await CliProcess.NativeAsync(args("native"), Variables(dir, variables));
        return (jit, native);
    }

    /// <summary>The console without what differs between any two runs: progress lines, run ids and the run directory.</summary>
    private static string Console(string text, TempDirectory dir, string side) => RunId().Replace(
        string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("progress:", StringComparison.Ordinal))).Replace(dir.Combine(side), "<run>", StringComparison.Ordinal),
        "<id>");

    private static void AssertSameResults(string jitRun, string nativeRun)
    {
        Assert.That(
            ResultsComparison.Substance(ResultsFile.Read(Path.Combine(nativeRun, "results.json"))),
            Is.EqualTo(ResultsComparison.Substance(ResultsFile.Read(Path.Combine(jitRun, "results.json")))));
    }

    /// <summary>Both CLIs regenerate the reports from one log: every file must be the same, byte for byte.</summary>
    private static async Task AssertSameReportsAsync(TempDirectory dir, string run)
    {
        foreach (var side in new[] { "report-jit", "report-native" })
        {
            Directory.CreateDirectory(dir.Combine(side));
            // The log and the gate's verdict, which the reports show: what `evalh report` reads.
            foreach (var file in Directory.GetFiles(run).Where(f => f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith("gate.json", StringComparison.Ordinal)))
            {
                File.Copy(file, dir.Combine(side, Path.GetFileName(file)));
            }
        }

        var (jit, native) = await BothAsync(dir, side => ["report", dir.Combine("report-" + side)]);
        Assert.That((jit.ExitCode, native.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), jit.All + native.All);
        Assert.That(Console(native.All, dir, "report-native"), Is.EqualTo(Console(jit.All, dir, "report-jit")));
        var files = Directory.GetFiles(dir.Combine("report-jit")).Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.That(files, Is.SupersetOf(ReportFiles.Where(f => f != "gate.json" || File.Exists(Path.Combine(run, f)))));
        Assert.That(Directory.GetFiles(dir.Combine("report-native")).Select(f => Path.GetFileName(f)).Order(), Is.EqualTo(files));
        foreach (var file in files)
        {
            Assert.That(File.ReadAllBytes(dir.Combine("report-native", file)), Is.EqualTo(File.ReadAllBytes(dir.Combine("report-jit", file))), file);
        }
    }

    [Test]
    public async Task The_demo_suites_score_gate_and_report_alike()
    {
        using var dir = new TempDirectory();

        var (jit, native) = await BothAsync(dir, side => ["run", "suites", "--model", "demo", "--gate", "suites/policies/procurement.yaml", "--out", dir.Combine(side)]);

        Assert.That(jit.ExitCode, Is.EqualTo(ExitCodes.Ok), jit.All);
        Assert.That(native.ExitCode, Is.EqualTo(jit.ExitCode), native.All);
        Assert.That(Console(native.All, dir, "native"), Is.EqualTo(Console(jit.All, dir, "jit")), "the console, warnings included");
        AssertSameResults(dir.Combine("jit"), dir.Combine("native"));
        Assert.That(Gate(dir.Combine("native")), Is.EqualTo(Gate(dir.Combine("jit"))));
        Assert.That(File.ReadAllText(dir.Combine("native", "report.html")), Does.Contain("data-gate-status=\"pass\"").And.Contain("<html lang=\"en\""));
        await AssertSameReportsAsync(dir, dir.Combine("native"));
    }

    [Test]
    public async Task The_openai_target_and_its_judge_run_alike()
    {
        using var dir = new TempDirectory();
        var suite = JudgedSuite.Write(dir);
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);

        var (jit, native) = await BothAsync(
            dir,
            side => ["run", suite, "--model", "openai/fake-model", "--base-url", model.BaseUrl.ToString(), "--judge", JudgedSuite.JudgeSpec, "--judge-base-url", judge.BaseUrl.ToString(), "--out", dir.Combine(side), "--seed", "3", "--no-cache"],
            ("OPENAI_API_KEY", "sk-native-test-key-0001"));

        Assert.That(jit.ExitCode, Is.EqualTo(ExitCodes.Ok), jit.All);
        Assert.That(native.ExitCode, Is.EqualTo(ExitCodes.Ok), native.All);
        Assert.That((model.Requests.Count, judge.Requests.Count), Is.EqualTo((2 * JudgedSuite.Samples, 2 * JudgedSuite.Samples)));
        Assert.That(model.Requests.Skip(JudgedSuite.Samples).Select(r => r.Body.ToJsonString()).Order(), Is.EqualTo(model.Requests.Take(JudgedSuite.Samples).Select(r => r.Body.ToJsonString()).Order()), "the same request bodies");
        AssertSameResults(dir.Combine("jit"), dir.Combine("native"));
        await AssertSameReportsAsync(dir, dir.Combine("native"));
    }

    [Test]
    public async Task The_anthropic_target_runs_alike()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 8);
        await using var server = await FakeAnthropicServer.StartAsync(r => FakeReply.Answer(Runs.Number(r) % 4 == 0 ? "I am not sure." : Runs.Correct(r)));

        var (jit, native) = await BothAsync(
            dir,
            side => ["run", suite, "--model", "anthropic/claude-test", "--base-url", server.BaseUrl.ToString(), "--temperature", "0.7", "--top-p", "0.9", "--out", dir.Combine(side), "--no-cache"],
            ("ANTHROPIC_API_KEY", "sk-ant-native-test-0002"));

        Assert.That((jit.ExitCode, native.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), jit.All + native.All);
        Assert.That(server.Requests, Has.Count.EqualTo(16));
        Assert.That(server.Requests.Select(r => r.Request.Body["temperature"]!.ToJsonString()).Distinct(), Is.EqualTo(new[] { "0.7" }));
        Assert.That(server.Requests.Select(r => r.Request.Body["top_p"]!.ToJsonString()).Distinct(), Is.EqualTo(new[] { "0.9" }));
        AssertSameResults(dir.Combine("jit"), dir.Combine("native"));
    }

    [Test]
    public async Task An_aisev_csv_runs_alike()
    {
        using var dir = new TempDirectory();
        var csv = Path.Combine(RepoPaths.Shared, "datasets", "aisev", "03_aisi_fairness_v0.1.csv");
        Assume.That(File.Exists(csv), Is.True, csv);

        var (jit, native) = await BothAsync(dir, side => ["run", csv, "--model", "mock", "--limit", "30", "--out", dir.Combine(side)]);

        Assert.That(jit.ExitCode, Is.EqualTo(ExitCodes.Ok), jit.All);
        Assert.That(native.ExitCode, Is.EqualTo(ExitCodes.Ok), native.All);
        AssertSameResults(dir.Combine("jit"), dir.Combine("native"));
    }

    [Test]
    public async Task Bad_input_gets_the_same_message_and_exit_code()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, "name: broken\ndataset: data.jsonl\nscorers: [exact_match]\n", "data.jsonl", "{\"id\": \"a\", \"input\": \"x\", \"target\": \"y\"}\n{\"id\": \"b\", \"input\": 7\n");

        var (jit, native) = await BothAsync(dir, side => ["run", suite, "--model", "mock", "--out", dir.Combine(side)]);

        Assert.That(jit.ExitCode, Is.EqualTo(ExitCodes.BadInput), jit.All);
        Assert.That(native.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(native.Error, Is.EqualTo(jit.Error));
        Assert.That(Directory.Exists(dir.Combine("native")), Is.False, "nothing half-written");
    }

    [Test]
    public async Task Validate_coverage_and_list_print_alike()
    {
        using var dir = new TempDirectory();
        foreach (var args in new[] { new[] { "validate", "suites" }, ["coverage", "suites"], ["list"], ["--version"] })
        {
            var (jit, native) = await BothAsync(dir, _ => args);
            Assert.That(native.ExitCode, Is.EqualTo(jit.ExitCode), string.Join(' ', args));
            Assert.That(native.All, Is.EqualTo(jit.All), string.Join(' ', args));
        }
    }

    [Test]
    public async Task A_pack_from_either_verifies_with_the_other_and_compare_agrees()
    {
        using var dir = new TempDirectory();
        var (jit, native) = await BothAsync(dir, side => ["run", "suites/smoke", "--model", "demo", "--out", dir.Combine(side)]);
        Assert.That((jit.ExitCode, native.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), jit.All + native.All);

        using (var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            dir.File("signing.pem", key.ExportPkcs8PrivateKeyPem());
        }

        var packs = await BothAsync(dir, side => ["pack", dir.Combine(side), "--out", dir.Combine(side + ".zip"), "--key", dir.Combine("signing.pem")]);
        Assert.That((packs.Jit.ExitCode, packs.Native.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), packs.Jit.All + packs.Native.All);
        var crossed = await BothAsync(dir, side => ["verify", dir.Combine((side == "jit" ? "native" : "jit") + ".zip")]);
        Assert.That((crossed.Jit.ExitCode, crossed.Native.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), crossed.Jit.All + crossed.Native.All);

        var compared = await BothAsync(dir, _ => ["compare", dir.Combine("jit"), dir.Combine("native")]);
        Assert.That(compared.Native.ExitCode, Is.EqualTo(compared.Jit.ExitCode));
        Assert.That(RunId().Replace(compared.Native.All, "<id>"), Is.EqualTo(RunId().Replace(compared.Jit.All, "<id>")));
    }

    [Test]
    public async Task The_native_cli_prints_the_report_to_pdf_through_chromium()
    {
        using var dir = new TempDirectory();
        var run = await CliProcess.NativeAsync(["run", "suites/smoke", "--model", "demo", "--out", dir.Combine("run")], Variables(dir));
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);

        var pdf = await CliProcess.NativeAsync(["report", dir.Combine("run"), "--pdf"], Variables(dir));

        Assert.That(pdf.ExitCode, Is.EqualTo(ExitCodes.Ok), pdf.All);
        var bytes = File.ReadAllBytes(dir.Combine("run", "report.pdf"));
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(bytes, Has.Length.GreaterThan(10_000));
    }

    private static string Gate(string run) => Regex.Replace(
        RunId().Replace(File.ReadAllText(Path.Combine(run, "gate.json")), "<id>"),
        "\"evaluated\": \"[^\"]*\"",
        "\"evaluated\": \"<time>\"");

    [GeneratedRegex(@"\d{8}T\d{6}Z-[0-9a-f]{6}")]
    private static partial Regex RunId();
}
