using System.Text;
using EvalHarness.Evidence;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence;

/// <summary>A pack is untrusted: verify refuses a hostile one with exit 2 and one line, and leaves nothing behind.</summary>
[TestFixture]
public sealed class HostilePackTests
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("{}\n");

    [TestCase("../escaped.txt", "zip slip")]
    [TestCase("run/../../escaped.txt", "zip slip")]
    [TestCase("/tmp/escaped.txt", "an absolute path")]
    [TestCase("C:/escaped.txt", "an absolute path")]
    [TestCase("C:\\escaped.txt", "a backslash")]
    [TestCase("..\\escaped.txt", "a backslash")]
    [TestCase("run/log.jsonl:stream", "a colon")]
    [TestCase("run/\u001b[31mred.txt", "a control character")]
    public async Task An_entry_that_names_a_path_outside_the_pack_is_refused(string name, string reason)
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("hostile.zip");
        ZipFiles.Write(zip, ("manifest.json", Text, ZipFiles.RegularFile), (name, Text, ZipFiles.RegularFile));

        var verify = await VerifyInAsync(dir, zip);

        Assert.That(verify.ExitCode, Is.EqualTo(2), verify.All);
        Assert.That(verify.Error, Does.Contain("unsafe entry").And.Contain(reason));
        Assert.That(verify.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one clear line");
        Assert.That(verify.Error.Contains('\u001b', StringComparison.Ordinal), Is.False, "names from the pack are escaped");
        AssertNothingLeft(dir);
    }

    [TestCase(ZipFiles.Symlink, "a symbolic link")]
    [TestCase(ZipFiles.CharacterDevice, "not a regular file")]
    public async Task A_symlink_or_device_entry_is_refused(int attributes, string reason)
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("hostile.zip");
        ZipFiles.Write(zip, ("manifest.json", Text, ZipFiles.RegularFile), ("run/log.jsonl", Encoding.UTF8.GetBytes("/etc/passwd"), attributes));

        var verify = await VerifyInAsync(dir, zip);

        Assert.That(verify.ExitCode, Is.EqualTo(2), verify.All);
        Assert.That(verify.Error, Does.Contain("unsafe entry 'run/log.jsonl': " + reason));
        AssertNothingLeft(dir);
    }

    [Test]
    public async Task A_directory_entry_with_data_is_refused()
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("hostile.zip");
        ZipFiles.Write(zip, ("manifest.json", Text, ZipFiles.RegularFile), ("run/", Text, ZipFiles.Directory));

        var verify = await VerifyInAsync(dir, zip);

        Assert.That(verify.ExitCode, Is.EqualTo(2), verify.All);
        Assert.That(verify.Error, Does.Contain("unsafe entry 'run/': a directory entry with data"));
        AssertNothingLeft(dir);
    }

    [TestCase("run/log.jsonl")]
    [TestCase("RUN/Log.jsonl")]
    public async Task A_duplicate_name_is_refused(string second)
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("hostile.zip");
        ZipFiles.Write(zip, ("manifest.json", Text, ZipFiles.RegularFile), ("run/log.jsonl", Text, ZipFiles.RegularFile), (second, Text, ZipFiles.RegularFile));

        var verify = await VerifyInAsync(dir, zip);

        Assert.That(verify.ExitCode, Is.EqualTo(2), verify.All);
        Assert.That(verify.Error, Does.Contain("a duplicate name"));
        AssertNothingLeft(dir);
    }

    [Test]
    public async Task A_zip_bomb_is_refused_by_its_compression_ratio_while_decompressing()
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("bomb.zip");
        ZipFiles.Write(zip, ("manifest.json", Text, ZipFiles.RegularFile), ("run/log.jsonl", new byte[4 * 1024 * 1024], ZipFiles.RegularFile));

        var verify = await VerifyInAsync(dir, zip);

        Assert.That(verify.ExitCode, Is.EqualTo(2), verify.All);
        Assert.That(verify.Error, Does.Contain("unsafe entry 'run/log.jsonl': compressed more than 200:1 (a zip bomb?)"));
        AssertNothingLeft(dir);
    }

    [Test]
    public void Size_and_count_limits_count_the_bytes_actually_decompressed()
    {
        using var dir = new TempDirectory();
        var zip = dir.Combine("big.zip");
        var random = new byte[5000];
        new Random(7).NextBytes(random);
        ZipFiles.Write(zip, ("a.bin", random, ZipFiles.RegularFile), ("b.bin", random, ZipFiles.RegularFile));

        var perEntry = SafeZip.Extract(zip, dir.Combine("x1"), new SafeZipLimits { MaxEntryBytes = 4000 });
        var total = SafeZip.Extract(zip, dir.Combine("x2"), new SafeZipLimits { MaxTotalBytes = 8000 });
        var count = SafeZip.Extract(zip, dir.Combine("x3"), new SafeZipLimits { MaxEntries = 1 });
        var fine = SafeZip.Extract(zip, dir.Combine("x4"), SafeZipLimits.Default);

        Assert.That(perEntry.Problem, Is.EqualTo("unsafe entry 'a.bin': more than 4000 bytes uncompressed (a zip bomb?)"));
        Assert.That(total.Problem, Is.EqualTo("unsafe entry 'b.bin': the pack holds more than 8000 bytes uncompressed (a zip bomb?)"));
        Assert.That(count.Problem, Is.EqualTo("2 entries; a pack may hold at most 1"));
        Assert.That(Directory.GetFileSystemEntries(dir.Combine("x1")), Is.Empty, "a refused pack leaves nothing extracted");
        Assert.That(Directory.GetFileSystemEntries(dir.Combine("x2")), Is.Empty);
        Assert.That(fine.Refused, Is.False);
        Assert.That(fine.Entries, Is.EqualTo(new[] { "a.bin", "b.bin" }));
    }

    [Test]
    public async Task A_truncated_or_non_zip_file_is_refused()
    {
        using var dir = new TempDirectory();
        var run = await EvidenceRun.CreateAsync(dir);
        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(run, zip)).ExitCode, Is.EqualTo(0));
        var whole = await VerifyInAsync(dir, zip);
        Assert.That(whole.ExitCode, Is.EqualTo(0), whole.All);
        AssertNothingLeft(dir);
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);
        var text = dir.File("notes.zip", "just text");

        var truncated = await VerifyInAsync(dir, zip);
        var notZip = await VerifyInAsync(dir, text);

        Assert.That(truncated.ExitCode, Is.EqualTo(2), truncated.All);
        Assert.That(truncated.Error, Does.Contain("not a readable zip file"));
        Assert.That(notZip.ExitCode, Is.EqualTo(2));
        Assert.That(notZip.Error, Does.Contain("not a readable zip file"));
        AssertNothingLeft(dir);
    }

    [Test]
    public async Task A_zip_without_a_valid_manifest_is_not_an_evidence_pack()
    {
        using var dir = new TempDirectory();
        var noManifest = dir.Combine("a.zip");
        var badManifest = dir.Combine("b.zip");
        var unsafeManifest = dir.Combine("c.zip");
        ZipFiles.Write(noManifest, ("run/log.jsonl", Text, ZipFiles.RegularFile));
        ZipFiles.Write(badManifest, ("manifest.json", Encoding.UTF8.GetBytes("{\"schema\": \"something/9\"}"), ZipFiles.RegularFile));
        var listed = Manifest("\"files\": [{\"path\": \"../../etc/passwd\", \"sha256\": \"00\", \"bytes\": 1}]");
        ZipFiles.Write(unsafeManifest, ("manifest.json", Encoding.UTF8.GetBytes(listed), ZipFiles.RegularFile));

        var none = await VerifyInAsync(dir, noManifest);
        var bad = await VerifyInAsync(dir, badManifest);
        var unsafeList = await VerifyInAsync(dir, unsafeManifest);

        Assert.That(none.ExitCode, Is.EqualTo(2));
        Assert.That(none.Error, Does.Contain("not an evidence pack: it has no manifest.json"));
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Error, Does.Contain("manifest.json is not an evidence manifest").Or.Contain("schema 'something/9' is not supported"));
        Assert.That(unsafeList.ExitCode, Is.EqualTo(2), unsafeList.All);
        Assert.That(unsafeList.Error, Does.Contain("manifest.json lists an unsafe path '../../etc/passwd'"));
        AssertNothingLeft(dir);
    }

    private static string Manifest(string files) => $$"""
        {"schema": "evalharness.evidence/1", "created": "2026-01-01T00:00:00Z", "harness": {"version": "1", "commit": null},
         "runtime": ".NET", "os": "x", "run_id": "r", "run_status": "completed",
         "model": {"spec": "demo", "provider": "replay", "name": null, "base_url": null, "live": false, "label": "x"},
         {{files}}, "suite_files": [], "resources": [], "cache": {"cached_samples": 0, "from_runs": null},
         "gate": null, "signature": null, "missing": []}
        """;

    /// <summary>Runs verify with its temporary directory under <c>tmp</c> in <paramref name="dir"/>, from <paramref name="dir"/> as a current directory would be.</summary>
    private static Task<CliRun> VerifyInAsync(TempDirectory dir, string zip)
    {
        Directory.CreateDirectory(dir.Combine("tmp"));
        return CliRun.InvokeAsync(["verify", zip], new Dictionary<string, string> { ["TMPDIR"] = dir.Combine("tmp") });
    }

    private static void AssertNothingLeft(TempDirectory dir)
    {
        Assert.That(Directory.GetFileSystemEntries(dir.Combine("tmp")), Is.Empty, "the temporary directory is removed");
        Assert.That(File.Exists(dir.Combine("escaped.txt")), Is.False);
        Assert.That(File.Exists(Path.Combine(Path.GetTempPath(), "escaped.txt")), Is.False);
    }
}
