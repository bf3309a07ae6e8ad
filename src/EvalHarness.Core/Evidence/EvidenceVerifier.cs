using System.Globalization;
using EvalHarness.Infrastructure;

namespace EvalHarness.Evidence;

/// <summary>
/// Checks a pack extracted by <see cref="SafeZip"/>: the manifest, every file's hash, the signature, and the
/// run's own records (the suite files' hashes in the log header, the gate verdict, the rubric texts).
/// </summary>
public static class EvidenceVerifier
{
    /// <summary>A manifest lists files; even a pack of many suites needs far less than this.</summary>
    public const long MaxManifestBytes = 16 * 1024 * 1024;

    public static EvidenceCheck Check(string root, IReadOnlyList<string> entries, VerifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(options);
        var present = entries.ToHashSet(StringComparer.Ordinal);
        if (!present.Contains(EvidenceLayout.Manifest))
        {
            return EvidenceCheck.Malformed($"not an evidence pack: it has no {EvidenceLayout.Manifest}");
        }

        var manifestPath = Path.Combine(root, EvidenceLayout.Manifest);
        if (new FileInfo(manifestPath).Length > MaxManifestBytes)
        {
            return EvidenceCheck.Malformed(string.Create(CultureInfo.InvariantCulture, $"{EvidenceLayout.Manifest} is larger than {MaxManifestBytes} bytes"));
        }

        var manifestBytes = File.ReadAllBytes(manifestPath);
        if (EvidenceJson.Read(manifestBytes, out var problem) is not { } manifest)
        {
            return EvidenceCheck.Malformed($"{EvidenceLayout.Manifest} {problem}");
        }

        // Names in the manifest are joined to the extraction directory below: they must be as safe as entry names.
        var listed = manifest.Files.Select(f => f.Path).Concat(manifest.SuiteFiles.Select(f => f.Entry))
            .Concat(manifest.Resources.Select(r => r.Entry).Append(manifest.Gate?.PolicyEntry).OfType<string>());
        if (listed.FirstOrDefault(p => SafeZip.NameProblem(p) is not null) is { } unsafeName)
        {
            return EvidenceCheck.Malformed($"{EvidenceLayout.Manifest} lists an unsafe path '{unsafeName}': {SafeZip.NameProblem(unsafeName)}");
        }

        var differences = new List<string>();
        var hashes = CheckFiles(root, present, manifest, differences);
        var signature = SignatureCheck.Check(root, manifestBytes, manifest, options, differences);
        var run = RunCheck.Check(root, manifest, hashes, differences);
        var checkedItems = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"the SHA-256 and size of each of the {manifest.Files.Count} files against the manifest, and that none was added or removed"),
            "the signature: " + signature,
        };
        checkedItems.AddRange(run.Checked);
        return new EvidenceCheck
        {
            Manifest = manifest,
            Log = run.Log,
            Differences = differences,
            Signature = signature,
            Checked = checkedItems,
        };
    }

    /// <summary>Compares every entry with the manifest; returns the SHA-256 of each file in the pack by entry name.</summary>
    private static Dictionary<string, string> CheckFiles(string root, HashSet<string> present, EvidenceManifest manifest, List<string> differences)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in present.Where(e => e is not EvidenceLayout.Manifest and not EvidenceLayout.Signature).Order(StringComparer.Ordinal))
        {
            hashes[entry] = Hashing.Sha256File(Path.Combine(root, entry));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!seen.Add(file.Path))
            {
                differences.Add($"{file.Path}: listed twice in the manifest");
                continue;
            }

            if (!hashes.TryGetValue(file.Path, out var sha))
            {
                differences.Add($"{file.Path}: listed in the manifest but missing from the pack (removed after packing)");
                continue;
            }

            var bytes = new FileInfo(Path.Combine(root, file.Path)).Length;
            if (sha != file.Sha256)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Path}: altered after packing (SHA-256 {sha}, the manifest records {file.Sha256}; {bytes} bytes, the manifest records {file.Bytes})"));
            }
            else if (bytes != file.Bytes)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Path}: {bytes} bytes, the manifest records {file.Bytes}"));
            }
        }

        foreach (var extra in hashes.Keys.Where(e => !seen.Contains(e)))
        {
            differences.Add($"{extra}: in the pack but not in the manifest (added after packing)");
        }

        return hashes;
    }
}
