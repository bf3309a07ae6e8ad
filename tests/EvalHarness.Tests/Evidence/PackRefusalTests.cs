using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence;

[TestFixture]
public sealed class PackRefusalTests
{
    [Test]
    public async Task A_run_without_a_footer_is_refused_with_the_reason_and_nothing_written()
    {
        using var dir = new TempDirectory();
        var run = await EvidenceRun.CreateAsync(dir);
        var log = Path.Combine(run, "log.jsonl");
        var lines = File.ReadAllLines(log);
        File.WriteAllLines(log, lines[..^1]);
        var zip = dir.Combine("evidence.zip");

        var pack = await EvidenceRun.PackAsync(run, zip);

        Assert.That(pack.ExitCode, Is.EqualTo(2), pack.All);
        Assert.That(pack.Error, Does.Contain("has no footer: the run is still going, or it was killed before it ended"));
        Assert.That(File.Exists(zip), Is.False);
        Assert.That(Directory.GetFiles(dir.Path, "*.tmp"), Is.Empty);
    }

    [Test]
    public async Task A_killed_run_is_packed_once_resume_has_sealed_it()
    {
        using var dir = new TempDirectory();
        var run = await EvidenceRun.CreateAsync(dir);
        var log = Path.Combine(run, "log.jsonl");
        var lines = File.ReadAllLines(log);
        File.WriteAllLines(log, lines[..^4]);
        var zip = dir.Combine("evidence.zip");

        var refused = await EvidenceRun.PackAsync(run, zip);
        var resume = await CliRun.InvokeAsync(["run", "--resume", run, "--no-cache"]);
        var pack = await EvidenceRun.PackAsync(run, zip);
        var verify = await EvidenceRun.VerifyAsync(zip);

        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.All);
        Assert.That(resume.ExitCode, Is.EqualTo(0), resume.All);
        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.All);
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.All);
        Assert.That(verify.Out, Does.Contain("completed, started").And.Contain("resumed 1 time").And.Contain("24 sample records"));
    }

    [Test]
    public async Task A_suite_file_changed_since_the_run_is_refused_naming_it()
    {
        using var dir = new TempDirectory();
        var suite = dir.Combine("smoke");
        Directory.CreateDirectory(suite);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Suites, "smoke")))
        {
            File.Copy(file, Path.Combine(suite, Path.GetFileName(file)));
        }

        var run = await EvidenceRun.CreateAsync(dir, suite: suite);
        File.AppendAllText(Path.Combine(suite, "data.jsonl"), "\n");
        var zip = dir.Combine("evidence.zip");

        var pack = await EvidenceRun.PackAsync(run, zip);

        Assert.That(pack.ExitCode, Is.EqualTo(2), pack.All);
        Assert.That(pack.Error, Does.Contain("data.jsonl").And.Contain("changed since the run"));
        Assert.That(File.Exists(zip), Is.False);
    }

    [Test]
    public async Task An_existing_output_needs_force_and_a_directory_without_a_run_is_refused()
    {
        using var dir = new TempDirectory();
        var run = await EvidenceRun.CreateAsync(dir);
        var zip = dir.File("evidence.zip", "keep me");

        var refused = await EvidenceRun.PackAsync(run, zip);
        var kept = File.ReadAllText(zip);
        var forced = await EvidenceRun.PackAsync(run, zip, "--force");
        var notARun = await EvidenceRun.PackAsync(dir.Combine("smoke-nothing"), dir.Combine("other.zip"));

        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.Error, Does.Contain("already exists; give --force to replace it"));
        Assert.That(kept, Is.EqualTo("keep me"));
        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.All);
        Assert.That((await EvidenceRun.VerifyAsync(zip)).ExitCode, Is.EqualTo(0));
        Assert.That(notARun.ExitCode, Is.EqualTo(2));
        Assert.That(notARun.Error, Does.Contain("not a run (no log.jsonl there)"));
    }
}
