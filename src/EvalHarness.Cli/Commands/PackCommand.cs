using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using EvalHarness.Cli.Console;
using EvalHarness.Engine;
using EvalHarness.Evidence;
using EvalHarness.Infrastructure;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalh pack &lt;run&gt; -o evidence.zip</c>: the run, its suites, rubrics and gate in one zip with a manifest of
/// SHA-256 hashes, optionally signed. Exit 0, or 2 with the reason and nothing written.
/// </summary>
internal static class PackCommand
{
    public static Command Create(CliEnvironment env)
    {
        var run = new Argument<string>("run") { Description = "the run to pack: its directory (containing log.jsonl) or the log file itself" };
        var output = new Option<string>("--out", "-o") { HelpName = "file.zip", Description = "the evidence pack to write", Required = true };
        var key = new Option<string?>("--key") { HelpName = "pem", Description = "sign the manifest with this ECDSA P-256 private key (PEM); its public key's fingerprint goes into the manifest" };
        var force = new Option<bool>("--force") { Description = "replace the output file if it exists" };
        var pdf = new Option<bool>("--pdf") { Description = "also pack run/report.pdf, the pack's report (its cover first) printed by a local Chromium" };
        var command = new Command("pack", "Pack a finished run into an evidence zip (log, results, reports, suite files, rubrics, taxonomy, gate) with a manifest of SHA-256 hashes, optionally signed; see docs/procurement.md.")
        {
            run, output, key, force, pdf,
        };
        command.SetAction((parse, _) => ExecuteAsync(env, parse.GetValue(run)!, parse.GetValue(output)!, parse.GetValue(key), parse.GetValue(force), parse.GetValue(pdf)));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliEnvironment env, string runPath, string outputPath, string? keyPath, bool force, bool pdf)
    {
        var directory = File.Exists(runPath) ? Path.GetDirectoryName(Path.GetFullPath(runPath))! : runPath;
        if (!File.Exists(Path.Combine(directory, RunFiles.Log)))
        {
            return Refuse(env, $"{runPath}: not a run (no {RunFiles.Log} there)");
        }

        var full = Path.GetFullPath(outputPath);
        if (Directory.Exists(full))
        {
            return Refuse(env, $"{outputPath}: is a directory; name the zip file to write");
        }

        if (File.Exists(full) && !force)
        {
            return Refuse(env, $"{outputPath}: already exists; give --force to replace it");
        }

        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            return Refuse(env, $"{outputPath}: its directory does not exist");
        }

        ECDsa? signer = null;
        if (keyPath is not null && (signer = EvidenceKeys.Load(keyPath, needPrivate: true, out var problem)) is null)
        {
            return Refuse(env, $"{keyPath}: {problem}");
        }

        using (signer)
        {
            var diagnostics = new DiagnosticBag();
            var rendered = new Dictionary<string, byte[]>();
            if ((signer is not null || pdf) && PackCover.Render(directory, signer) is { } cover)
            {
                rendered[RunFiles.Report] = cover;
            }

            if (pdf)
            {
                var (printed, failure) = await PackCover.PrintAsync(env, rendered.GetValueOrDefault(RunFiles.Report)).ConfigureAwait(false);
                if (printed is null)
                {
                    env.Error.WriteLine(ConsoleText.Safe("error: nothing packed: report.pdf could not be made: " + failure));
                    return ExitCodes.Aborted;
                }

                rendered["report.pdf"] = printed;
            }

            var request = new PackRequest(directory, full, signer, env.Time.GetUtcNow(), PackResources.Find) { Rendered = rendered };
            var manifest = EvidencePacker.Pack(request, diagnostics);
            if (manifest is null)
            {
                DiagnosticPrinter.Print(env.Error, diagnostics.Items);
                return ExitCodes.BadInput;
            }

            Print(env.Out, manifest, outputPath);
            return ExitCodes.Ok;
        }
    }

    private static void Print(TextWriter output, EvidenceManifest manifest, string outputPath)
    {
        var signature = manifest.Signature is { } sig ? $"signed by key {sig.PublicKeySha256}" : "not signed";
        output.WriteLine(ConsoleText.Safe(string.Create(CultureInfo.InvariantCulture,
            $"packed run {manifest.RunId} ({manifest.Model.Spec}, {manifest.RunStatus}) into {DisplayPaths.For(outputPath)}: {manifest.Files.Count} files, {manifest.SuiteFiles.Count} suite files, {signature}")));
        foreach (var missing in manifest.Missing)
        {
            output.WriteLine(ConsoleText.Safe($"note: not packed: {missing.Item}: {missing.Reason}"));
        }
    }

    private static int Refuse(CliEnvironment env, string message)
    {
        env.Error.WriteLine(ConsoleText.Safe("error: " + message));
        return ExitCodes.BadInput;
    }
}
