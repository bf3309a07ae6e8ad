using System.Security.Cryptography;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence;

[TestFixture]
public sealed class SignatureTests : IDisposable
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
    public async Task A_signed_pack_verifies_against_the_signers_public_key_and_names_its_fingerprint()
    {
        using var dir = new TempDirectory();
        var (key, publicKey) = EvidenceRun.Keys(dir, "vendor");
        var zip = dir.Combine("evidence.zip");

        var pack = await EvidenceRun.PackAsync(_run, zip, "--key", key);
        var trusted = await EvidenceRun.VerifyAsync(zip, "--public-key", publicKey, "--require-signature");
        var untrusted = await EvidenceRun.VerifyAsync(zip);

        using var pub = ECDsa.Create();
        pub.ImportFromPem(File.ReadAllText(publicKey));
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(pub.ExportSubjectPublicKeyInfo()));
        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.All);
        Assert.That(pack.Out, Does.Contain("signed by key " + fingerprint));
        Assert.That(trusted.ExitCode, Is.EqualTo(0), trusted.All);
        Assert.That(trusted.Out, Does.Contain($"signature  signed by key {fingerprint}, checked against the key you gave"));
        Assert.That(untrusted.ExitCode, Is.EqualTo(0), untrusted.All);
        Assert.That(untrusted.Out, Does.Contain($"signed by key {fingerprint} (not checked against a key you trust: pass --public-key)"));
        Assert.That(ZipFiles.Read(zip).Select(e => e.Name), Does.Contain("manifest.sig"));

        // The packed report is rendered for the pack: its cover names the key a procurement officer checks.
        var report = System.Text.Encoding.UTF8.GetString(ZipFiles.Read(zip).Single(e => e.Name == "run/report.html").Data);
        var cover = report[report.IndexOf("<section id=\"cover\"", StringComparison.Ordinal)..report.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.That(cover, Does.Contain(fingerprint));
        Assert.That(File.ReadAllText(Path.Combine(_run, "report.html")), Does.Not.Contain(fingerprint), "the run's own report is left as it was");
    }

    [Test]
    public async Task Another_key_fails()
    {
        using var dir = new TempDirectory();
        var (key, _) = EvidenceRun.Keys(dir, "vendor");
        var (_, otherPublic) = EvidenceRun.Keys(dir, "impostor");
        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(_run, zip, "--key", key)).ExitCode, Is.EqualTo(0));

        var verify = await EvidenceRun.VerifyAsync(zip, "--public-key", otherPublic);

        Assert.That(verify.ExitCode, Is.EqualTo(1), verify.All);
        Assert.That(verify.Out, Does.Contain("DIFF  manifest.sig: the manifest names key").And.Contain("not the key you gave"));
    }

    [Test]
    public async Task A_signed_manifest_edited_after_signing_fails_even_when_the_hashes_agree()
    {
        using var dir = new TempDirectory();
        var (key, publicKey) = EvidenceRun.Keys(dir, "vendor");
        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(_run, zip, "--key", key)).ExitCode, Is.EqualTo(0));

        ZipFiles.ChangeText(zip, "manifest.json", text => text.Replace("\"run_status\": \"completed\"", "\"run_status\": \"completed\" ", StringComparison.Ordinal));
        var trusted = await EvidenceRun.VerifyAsync(zip, "--public-key", publicKey);
        var untrusted = await EvidenceRun.VerifyAsync(zip);

        Assert.That(trusted.ExitCode, Is.EqualTo(1), trusted.All);
        Assert.That(trusted.Out, Does.Contain("DIFF  manifest.sig: does not match manifest.json under the key you gave"));
        Assert.That(untrusted.ExitCode, Is.EqualTo(1), untrusted.All);
    }

    [Test]
    public async Task A_tampered_or_removed_signature_fails()
    {
        using var dir = new TempDirectory();
        var (key, publicKey) = EvidenceRun.Keys(dir, "vendor");
        var zip = dir.Combine("evidence.zip");
        var stripped = dir.Combine("stripped.zip");
        Assert.That((await EvidenceRun.PackAsync(_run, zip, "--key", key)).ExitCode, Is.EqualTo(0));
        File.Copy(zip, stripped);

        ZipFiles.ChangeText(zip, "manifest.sig", text => (text[0] == 'M' ? "N" : "M") + text[1..]);
        ZipFiles.Remove(stripped, "manifest.sig");
        var tampered = await EvidenceRun.VerifyAsync(zip, "--public-key", publicKey);
        var removed = await EvidenceRun.VerifyAsync(stripped, "--public-key", publicKey);

        Assert.That(tampered.ExitCode, Is.EqualTo(1), tampered.All);
        Assert.That(tampered.Out, Does.Contain("DIFF  manifest.sig: does not match manifest.json"));
        Assert.That(removed.ExitCode, Is.EqualTo(1), removed.All);
        Assert.That(removed.Out, Does.Contain("DIFF  manifest.sig: missing, although the manifest says the pack was signed"));
    }

    [Test]
    public async Task Require_signature_fails_an_unsigned_pack_and_needs_a_trusted_key()
    {
        using var dir = new TempDirectory();
        var (_, publicKey) = EvidenceRun.Keys(dir, "vendor");
        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(_run, zip)).ExitCode, Is.EqualTo(0));

        var required = await EvidenceRun.VerifyAsync(zip, "--public-key", publicKey, "--require-signature");
        var withoutKey = await EvidenceRun.VerifyAsync(zip, "--require-signature");

        Assert.That(required.ExitCode, Is.EqualTo(1), required.All);
        Assert.That(required.Out, Does.Contain("DIFF  manifest.sig: missing: the pack is not signed, and --require-signature was given"));
        Assert.That(withoutKey.ExitCode, Is.EqualTo(2), withoutKey.All);
        Assert.That(withoutKey.Error, Does.Contain("--require-signature needs --public-key"));
    }

    [Test]
    public async Task A_key_that_is_not_p256_or_not_a_key_is_refused_and_nothing_is_written()
    {
        using var dir = new TempDirectory();
        var (p384, p384Public) = EvidenceRun.Keys(dir, "p384", ECCurve.NamedCurves.nistP384);
        var (_, p256Public) = EvidenceRun.Keys(dir, "p256");
        var garbage = dir.File("garbage.pem", "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n");
        var zip = dir.Combine("evidence.zip");

        var wrongCurve = await EvidenceRun.PackAsync(_run, zip, "--key", p384);
        var publicOnly = await EvidenceRun.PackAsync(_run, zip, "--key", p256Public);
        var notAKey = await EvidenceRun.PackAsync(_run, zip, "--key", garbage);
        var verifyWrongCurve = await EvidenceRun.VerifyAsync(zip, "--public-key", p384Public);

        Assert.That(wrongCurve.ExitCode, Is.EqualTo(2), wrongCurve.All);
        Assert.That(wrongCurve.Error, Does.Contain("p384.pem: is an ECDSA key on").And.Contain("evidence packs are signed with P-256"));
        Assert.That(publicOnly.ExitCode, Is.EqualTo(2));
        Assert.That(publicOnly.Error, Does.Contain("holds a public key only"));
        Assert.That(notAKey.ExitCode, Is.EqualTo(2));
        Assert.That(notAKey.Error, Does.Contain("garbage.pem: is not an ECDSA P-256 key in PEM form"));
        Assert.That(verifyWrongCurve.ExitCode, Is.EqualTo(2));
        Assert.That(File.Exists(zip), Is.False);
        Assert.That(Directory.GetFiles(dir.Path, "*.tmp"), Is.Empty, "no partial zip left behind");
    }
}
