using System.Security.Cryptography;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence;

/// <summary>A real run of the demo model on the smoke suite, and keys to sign its packs with.</summary>
internal static class EvidenceRun
{
    /// <summary>Runs smoke with the demo model into <c>run</c> under <paramref name="dir"/>, optionally with a gate policy.</summary>
    public static async Task<string> CreateAsync(TempDirectory dir, string? gatePolicy = null, string suite = "smoke")
    {
        var output = dir.Combine("run");
        string[] gate = gatePolicy is null ? [] : ["--gate", gatePolicy];
        var result = await CliRun.InvokeAsync(["run", suite, "--model", "demo", "--no-cache", "--out", output, .. gate]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        return output;
    }

    public static async Task<CliRun> PackAsync(string run, string zip, params string[] more) =>
        await CliRun.InvokeAsync(["pack", run, "-o", zip, .. more]);

    public static async Task<CliRun> VerifyAsync(string zip, params string[] more) =>
        await CliRun.InvokeAsync(["verify", zip, .. more]);

    /// <summary>A fresh key pair as PEM files: (private key, public key).</summary>
    public static (string Private, string Public) Keys(TempDirectory dir, string name, ECCurve? curve = null)
    {
        using var key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        return (dir.File(name + ".pem", key.ExportPkcs8PrivateKeyPem()), dir.File(name + ".pub.pem", key.ExportSubjectPublicKeyInfoPem()));
    }
}
