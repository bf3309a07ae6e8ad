using System.CommandLine;
using System.Security.Cryptography;
using EvalHarness.Cli.Console;
using EvalHarness.Evidence;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalh verify evidence.zip</c>: extracts an untrusted pack into a fresh temporary directory and checks it.
/// Exit 0 clean, 1 for any difference (one line each), 2 for a hostile or malformed pack (one line). The
/// temporary directory is always removed; nothing is written anywhere else.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var pack = new Argument<string>("pack") { Description = "the evidence pack (zip) to check" };
        var publicKey = new Option<string?>("--public-key") { HelpName = "pem", Description = "the signer's ECDSA P-256 public key (PEM), obtained from the signer by a channel you trust; the signature must be by this key" };
        var requireSignature = new Option<bool>("--require-signature") { Description = "fail (exit 1) unless the pack is signed by the key given with --public-key" };
        var command = new Command("verify", "Check an evidence pack: every file's SHA-256, the signature, and the suite files against the hashes in the run log. Exit 0 clean, 1 on any difference, 2 for a malformed or hostile pack.")
        {
            pack, publicKey, requireSignature,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(requireSignature) is not null && result.GetResult(publicKey) is null)
            {
                result.AddError("--require-signature needs --public-key: a signature proves nothing without a key you trust");
            }
        });
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(env, parse.GetValue(pack)!, parse.GetValue(publicKey), parse.GetValue(requireSignature), cancellationToken)));
        return command;
    }

    private static int Execute(CliEnvironment env, string packPath, string? publicKeyPath, bool requireSignature, CancellationToken cancellationToken)
    {
        if (!File.Exists(packPath))
        {
            return Refuse(env, $"{packPath}: file not found");
        }

        ECDsa? trusted = null;
        if (publicKeyPath is not null && (trusted = EvidenceKeys.Load(publicKeyPath, needPrivate: false, out var problem)) is null)
        {
            return Refuse(env, $"{publicKeyPath}: {problem}");
        }

        var temporary = Path.Combine(TempRoot(env), "evalh-verify-" + Guid.NewGuid().ToString("N"));
        using (trusted)
        {
            try
            {
                var extracted = SafeZip.Extract(packPath, temporary, SafeZipLimits.Default);
                if (extracted.Problem is { } unsafeZip)
                {
                    return Refuse(env, $"{packPath}: {unsafeZip}; nothing from it was kept");
                }

                var check = EvidenceVerifier.Check(temporary, extracted.Entries, new VerifyOptions(trusted, requireSignature));
                if (check.Problem is { } malformed)
                {
                    return Refuse(env, $"{packPath}: {malformed}");
                }

                var rescore = check.Log is null ? null : Rescore(temporary, check.Manifest!, cancellationToken);
                var differences = check.Differences.Concat(rescore?.Differences.Select(d => d.ToString()) ?? []).ToList();
                VerifyPrinter.Print(env.Out, packPath, check, differences, rescore);
                return differences.Count == 0 ? ExitCodes.Ok : ExitCodes.GateFailed;
            }
            finally
            {
                if (Directory.Exists(temporary))
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }
        }
    }

    /// <summary>
    /// Re-scores the packed log from the packed suite files and scorer texts (judge verdicts as recorded, their rubric
    /// hashes checked) and compares every score and metric with the packed results.
    /// </summary>
    private static RescoreReport Rescore(string root, EvidenceManifest manifest, CancellationToken cancellationToken)
    {
        var runDirectory = Path.Combine(root, "run");
        var suiteFiles = manifest.SuiteFiles
            .GroupBy(f => f.RecordedPath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Path.Combine(root, g.First().Entry), StringComparer.Ordinal);

        // User rubrics and lexicons travel under rubrics/; built-in texts are checked against the harness's own.
        var resourceFiles = manifest.Resources
            .Where(r => r.Entry is not null)
            .GroupBy(r => r.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Path.Combine(root, g.First().Entry!), StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();
        return RescoreCheck.Run(runDirectory, suiteFiles, resourceFiles, cancellationToken);
    }

    /// <summary>Where the temporary directory goes: <c>TMPDIR</c> as the environment gives it, else the system's.</summary>
    private static string TempRoot(CliEnvironment env) =>
        env.Variables("TMPDIR") is { Length: > 0 } root ? root : Path.GetTempPath();

    private static int Refuse(CliEnvironment env, string message)
    {
        env.Error.WriteLine(ConsoleText.Safe("error: " + message));
        return ExitCodes.BadInput;
    }
}
