using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace EvalHarness.Evidence;

/// <summary>
/// Extracts an untrusted zip into a directory it owns: only relative names without <c>..</c>, no symlinks or
/// other special files, no duplicate names, and bounded sizes and compression ratios. On any problem the
/// directory is emptied and the result names the problem.
/// </summary>
public static class SafeZip
{
    private const int UnixTypeMask = 0xF000;
    private const int UnixRegularFile = 0x8000;
    private const int UnixSymlink = 0xA000;
    private const int UnixDirectory = 0x4000;

    /// <summary>Extracts <paramref name="zipPath"/> into <paramref name="directory"/>, which must be empty.</summary>
    public static SafeZipResult Extract(string zipPath, string directory, SafeZipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var root = Path.GetFullPath(directory);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new ArgumentException("extraction needs a new or empty directory", nameof(directory));
        }

        // Only this user may look inside: the directory usually sits in a shared temporary folder.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
        }
        else
        {
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            var result = ExtractInto(zipPath, root, limits);
            if (result.Refused)
            {
                Empty(root);
            }

            return result;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Empty(root);
            return SafeZipResult.Refuse("not a readable zip file: " + ex.Message);
        }
    }

    /// <summary>Why an entry name is unsafe to create, or null when it is a plain relative file path.</summary>
    public static string? NameProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "an empty name";
        }

        if (name.Any(c => char.IsControl(c)))
        {
            return "a control character in the name";
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "a backslash in the name (a Windows path)";
        }

        if (name.StartsWith('/') || (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':'))
        {
            return "an absolute path";
        }

        // Packs never hold one (EvidenceLayout.Segment); on Windows it would name a drive or an alternate data stream.
        if (name.Contains(':', StringComparison.Ordinal))
        {
            return "a colon in the name";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment == "..")
            {
                return "a '..' segment (a path outside the pack: zip slip)";
            }

            if (segment.Length == 0 || segment == ".")
            {
                return "an empty or '.' path segment";
            }
        }

        return null;
    }

    private static SafeZipResult ExtractInto(string zipPath, string root, SafeZipLimits limits)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        var entries = archive.Entries;
        if (entries.Count > limits.MaxEntries)
        {
            return SafeZipResult.Refuse(Invariant($"{entries.Count} entries; a pack may hold at most {limits.MaxEntries}"));
        }

        // Every name is checked before anything is written, so a hostile pack leaves no file behind even briefly.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (EntryProblem(entry, seen) is { } problem)
            {
                return SafeZipResult.Refuse($"unsafe entry '{entry.FullName}': {problem}");
            }
        }

        long total = 0;
        var names = new List<string>(entries.Count);
        foreach (var entry in entries)
        {
            var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return SafeZipResult.Refuse($"unsafe entry '{entry.FullName}': a path outside the pack (zip slip)");
            }

            if (IsDirectory(entry))
            {
                Directory.CreateDirectory(target);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var written = Copy(entry, target, limits, limits.MaxTotalBytes - total, out var problem);
            if (problem is not null)
            {
                return SafeZipResult.Refuse($"unsafe entry '{entry.FullName}': {problem}");
            }

            total += written;
            names.Add(entry.FullName);
        }

        return new SafeZipResult(names, null);
    }

    private static string? EntryProblem(ZipArchiveEntry entry, HashSet<string> seen)
    {
        // Zip tools add an empty entry per directory ("run/"); it carries no data and is only created as a directory.
        var directory = IsDirectory(entry);
        if (NameProblem(directory ? entry.FullName[..^1] : entry.FullName) is { } nameProblem)
        {
            return nameProblem;
        }

        // Unix tools keep the file's mode in the high 16 bits; only regular files (or no mode at all) are data.
        var type = (entry.ExternalAttributes >> 16) & UnixTypeMask;
        if (type == UnixSymlink)
        {
            return "a symbolic link";
        }

        if (type != 0 && type != (directory ? UnixDirectory : UnixRegularFile))
        {
            return "not a regular file (a device, pipe or socket)";
        }

        if (directory && entry.Length != 0)
        {
            return "a directory entry with data";
        }

        // Case-insensitive and normalised: two names one file system would merge must not both exist.
        var key = entry.FullName.Normalize(NormalizationForm.FormC).ToUpperInvariant();
        return seen.Add(key) ? null : "a duplicate name";
    }

    private static bool IsDirectory(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') && entry.FullName.Length > 1;

    private static long Copy(ZipArchiveEntry entry, string target, SafeZipLimits limits, long totalLeft, out string? problem)
    {
        problem = null;
        var compressed = Math.Max(entry.CompressedLength, 1);
        var buffer = new byte[81920];
        long written = 0;
        using var input = entry.Open();
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            written += read;
            if (written > limits.MaxEntryBytes)
            {
                problem = Invariant($"more than {limits.MaxEntryBytes} bytes uncompressed (a zip bomb?)");
                return written;
            }

            if (written > totalLeft)
            {
                problem = Invariant($"the pack holds more than {limits.MaxTotalBytes} bytes uncompressed (a zip bomb?)");
                return written;
            }

            if (written > limits.RatioFloorBytes && written / (double)compressed > limits.MaxRatio)
            {
                problem = Invariant($"compressed more than {limits.MaxRatio}:1 (a zip bomb?)");
                return written;
            }

            output.Write(buffer, 0, read);
        }

        return written;
    }

    private static void Empty(string root)
    {
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
