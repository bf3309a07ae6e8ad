using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EvalHarness.Infrastructure;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence;

[TestFixture]
public sealed class PackVerifyTests : IDisposable
{
    private TempDirectory _shared = null!;
    private string _run = null!;

    [OneTimeSetUp]
    public async Task RunOnce()
    {
        _shared = new TempDirectory();
        _run = await EvidenceRun.CreateAsync(_shared);
    }

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _shared?.Dispose();

    [Test]
    public async Task A_run_packs_and_verifies_clean_with_a_manifest_of_every_file()
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("evidence.zip");

        var pack = await EvidenceRun.PackAsync(_run, zip);
        var verify = await EvidenceRun.VerifyAsync(zip);

        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.All);
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.All);
        Assert.That(verify.Out, Does.Contain("evidence pack OK").And.Contain("model      demo (demo recordings, not a live model)")
            .And.Contain("suites     smoke (24 samples)").And.Contain("signature  not signed").And.Contain("re-scoring: 4 deterministic scorers re-computed on 24 answers")
            .And.Contain("metrics compared: all equal the packed results")
            .And.Contain("does not show that the endpoint was the model named"));
        var entries = ZipFiles.Read(zip).ToDictionary(e => e.Name, e => e.Data);
        Assert.That(entries.Keys, Is.SupersetOf(new[]
        {
            "manifest.json", "run/log.jsonl", "run/results.json", "run/report.html", "run/report.md", "run/report.json", "run/samples.csv",
            "suite-files/0/suite.yaml", "suite-files/0/data.jsonl", "taxonomy/ai-basic-plan-risks.yaml",
        }));
        var manifest = JsonNode.Parse(entries["manifest.json"])!;
        Assert.That(manifest["schema"]!.GetValue<string>(), Is.EqualTo("evalharness.evidence/1"));
        Assert.That(manifest["model"]!["spec"]!.GetValue<string>(), Is.EqualTo("demo"));
        Assert.That(manifest["harness"]!["version"], Is.Not.Null);
        Assert.That(manifest["runtime"]!.GetValue<string>(), Does.StartWith(".NET"));
        Assert.That(manifest["cache"]!["cached_samples"]!.GetValue<int>(), Is.EqualTo(0));
        Assert.That(manifest["cache"]!["from_runs"], Is.Null, "the log does not record which run a cached answer came from");
        Assert.That(manifest["signature"], Is.Null);
        var files = manifest["files"]!.AsArray();
        Assert.That(files.Select(f => f!["path"]!.GetValue<string>()), Is.EquivalentTo(entries.Keys.Where(k => k != "manifest.json")));
        var log = files.Single(f => f!["path"]!.GetValue<string>() == "run/log.jsonl")!;
        Assert.That(log["sha256"]!.GetValue<string>(), Is.EqualTo(Hashing.Sha256File(Path.Combine(_run, "log.jsonl"))));
        var suiteFile = manifest["suite_files"]!.AsArray().Single(f => f!["entry"]!.GetValue<string>() == "suite-files/0/data.jsonl")!;
        Assert.That(suiteFile["sha256"]!.GetValue<string>(), Is.EqualTo(Hashing.Sha256File(Path.Combine(RepoPaths.Suites, "smoke", "data.jsonl"))));
    }

    [TestCase("run/log.jsonl")]
    [TestCase("run/results.json")]
    [TestCase("run/report.html")]
    [TestCase("run/report.md")]
    [TestCase("run/report.json")]
    [TestCase("run/samples.csv")]
    [TestCase("suite-files/0/data.jsonl")]
    [TestCase("suite-files/0/suite.yaml")]
    [TestCase("taxonomy/ai-basic-plan-risks.yaml")]
    public async Task A_file_altered_after_packing_fails_naming_it(string entry)
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(_run, zip)).ExitCode, Is.EqualTo(0));

        ZipFiles.Change(zip, entry, bytes => [.. bytes, (byte)' ']);
        var verify = await EvidenceRun.VerifyAsync(zip);

        Assert.That(verify.ExitCode, Is.EqualTo(1), verify.All);
        Assert.That(verify.Out, Does.Contain($"DIFF  {entry}: altered after packing"));
        Assert.That(verify.Out, Does.Contain("evidence pack FAILED"));
    }

    [Test]
    public async Task A_suite_file_swapped_with_its_manifest_hash_fails_against_the_log_header()
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(_run, zip)).ExitCode, Is.EqualTo(0));
        var data = ZipFiles.Read(zip).Single(e => e.Name == "suite-files/0/data.jsonl").Data;
        var swapped = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(data).Replace("\"target\"", "\"target\" ", StringComparison.Ordinal));
        var oldSha = Hashing.Sha256(data);
        var newSha = Hashing.Sha256(swapped);

        // A careful forger updates the manifest too; only the log header's hash is left to catch it.
        ZipFiles.Change(zip, "suite-files/0/data.jsonl", _ => swapped);
        ZipFiles.ChangeText(zip, "manifest.json", text => text.Replace(oldSha, newSha, StringComparison.Ordinal).Replace($"\"bytes\": {data.Length}", $"\"bytes\": {swapped.Length}", StringComparison.Ordinal));
        var verify = await EvidenceRun.VerifyAsync(zip);

        Assert.That(verify.ExitCode, Is.EqualTo(1), verify.All);
        Assert.That(verify.Out, Does.Not.Contain("altered after packing"));
        Assert.That(verify.Out, Does.Contain("DIFF  suite-files/0/data.jsonl (").And.Contain("the log header recorded when the run started: not the file the run used"));
    }

    [Test]
    public async Task An_edited_manifest_fails_naming_what_disagrees_with_the_log()
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(_run, zip)).ExitCode, Is.EqualTo(0));

        ZipFiles.ChangeText(zip, "manifest.json", text => text.Replace("\"spec\": \"demo\"", "\"spec\": \"openai/gpt-4o\"", StringComparison.Ordinal));
        var verify = await EvidenceRun.VerifyAsync(zip);

        Assert.That(verify.ExitCode, Is.EqualTo(1), verify.All);
        Assert.That(verify.Out, Does.Contain("DIFF  manifest.json: model 'openai/gpt-4o'").And.Contain("but the log records 'demo'"));
    }

    [Test]
    public async Task Files_removed_or_added_after_packing_fail_naming_them()
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(_run, zip)).ExitCode, Is.EqualTo(0));

        ZipFiles.Remove(zip, "run/report.md");
        ZipFiles.Add(zip, "run/extra.txt", [1, 2, 3]);
        var verify = await EvidenceRun.VerifyAsync(zip);

        Assert.That(verify.ExitCode, Is.EqualTo(1), verify.All);
        Assert.That(verify.Out, Does.Contain("DIFF  run/report.md: listed in the manifest but missing from the pack"));
        Assert.That(verify.Out, Does.Contain("DIFF  run/extra.txt: in the pack but not in the manifest"));
    }

    [Test]
    public async Task A_pack_re_zipped_with_directory_entries_still_verifies()
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(_run, zip)).ExitCode, Is.EqualTo(0));
        var entries = ZipFiles.Read(zip);

        ZipFiles.Write(zip, [("run/", [], ZipFiles.Directory), ("suite-files/", [], ZipFiles.Directory), .. entries]);
        var verify = await EvidenceRun.VerifyAsync(zip);

        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.All);
    }

    [Test]
    public async Task A_run_with_a_gate_packs_its_verdict_and_policy()
    {
        using var dir = new TempDirectory();
        var policy = dir.File("gate.yaml", "version: 1\nrules:\n  - id: errors\n    max_error_rate: 0\n");
        var run = await EvidenceRun.CreateAsync(dir, policy);
        var zip = dir.Combine("evidence.zip");

        var pack = await EvidenceRun.PackAsync(run, zip);
        var clean = await EvidenceRun.VerifyAsync(zip);
        ZipFiles.Change(zip, "gate/policy.yaml", bytes => [.. bytes, (byte)'\n']);
        var tampered = await EvidenceRun.VerifyAsync(zip);

        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.All);
        Assert.That(clean.ExitCode, Is.EqualTo(0), clean.All);
        Assert.That(clean.Out, Does.Contain($"gate       pass (policy SHA-256 {Hashing.Sha256File(policy)})"));
        Assert.That(tampered.ExitCode, Is.EqualTo(1));
        Assert.That(tampered.Out, Does.Contain("DIFF  gate/policy.yaml: altered after packing").And.Contain("DIFF  gate/policy.yaml: is not the policy the gate used"));
    }
}
