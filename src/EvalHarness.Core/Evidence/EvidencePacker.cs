using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Validation;

namespace EvalHarness.Evidence;

/// <summary>Writes a run's evidence pack (docs/procurement.md): the whole zip, or nothing.</summary>
public static class EvidencePacker
{
    // rw-r--r-- regular file, so unzip tools extract plain files.
    private const int RegularFileAttributes = (0x8000 | 0x1A4) << 16;

    /// <summary>Packs the run; on any problem returns null with the reason in <paramref name="diagnostics"/> and writes nothing.</summary>
    public static EvidenceManifest? Pack(PackRequest request, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (EvidencePlan.Make(request, diagnostics) is not { } plan)
        {
            return null;
        }

        EvidenceManifest? manifest = null;
        try
        {
            AtomicFile.Write(request.OutputPath, stream => manifest = Write(stream, plan, request));
            return manifest;
        }
        catch (InvalidInputException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DisplayPaths.For(request.OutputPath), 0, 0, null, "cannot be written: " + ex.Message);
        }

        return null;
    }

    private static EvidenceManifest Write(Stream stream, EvidencePlan plan, PackRequest request)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var files = new List<ManifestFile>();
        foreach (var file in plan.Files)
        {
            var (sha, bytes) = Add(zip, file.Entry, request.Created, target =>
            {
                if (file.Bytes is not null)
                {
                    target.Write(file.Bytes);
                    return;
                }

                using var source = File.OpenRead(file.SourcePath!);
                source.CopyTo(target);
            });

            // The bytes packed must be the bytes the plan checked: a file that changed meanwhile spoils the pack.
            if (file.ExpectedSha256 is { } expected && sha != expected)
            {
                throw new InvalidInputException(DisplayPaths.For(file.SourcePath ?? file.Entry), $"{file.What} changed while it was packed; pack again once nothing writes to it");
            }

            files.Add(new ManifestFile(file.Entry, sha, bytes));
        }

        var header = plan.Log.Header;
        var signature = request.Key is { } key
            ? new ManifestSignature(ManifestSignature.EcdsaP256Sha256, EvidenceKeys.Fingerprint(key), EvidenceKeys.PublicPem(key))
            : null;
        var manifest = new EvidenceManifest
        {
            Schema = EvidenceManifest.CurrentSchema,
            Created = request.Created.ToUniversalTime(),
            Harness = HarnessInfo.Current,
            Runtime = RuntimeInformation.FrameworkDescription,
            Os = $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
            RunId = header.RunId,
            RunStatus = plan.Log.Footer!.Status,
            Model = header.Model,
            Files = files,
            SuiteFiles = plan.SuiteFiles,
            Resources = plan.Resources,
            Cache = ManifestCache.Of(plan.Log),
            Gate = plan.Gate,
            Signature = signature,
            Missing = plan.Missing,
        };
        var manifestBytes = EvidenceJson.ToBytes(manifest);
        Add(zip, EvidenceLayout.Manifest, request.Created, target => target.Write(manifestBytes));
        if (request.Key is not null)
        {
            var sig = Encoding.ASCII.GetBytes(EvidenceKeys.Sign(request.Key, manifestBytes) + "\n");
            Add(zip, EvidenceLayout.Signature, request.Created, target => target.Write(sig));
        }

        return manifest;
    }

    private static (string Sha256, long Bytes) Add(ZipArchive zip, string name, DateTimeOffset time, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.ExternalAttributes = RegularFileAttributes;
        entry.LastWriteTime = time;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var output = entry.Open();
        using var hashing = new HashingStream(output, hash);
        write(hashing);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), hashing.Written);
    }
}
