using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using EvalHarness.Models;
using EvalHarness.Suites;

namespace EvalHarness.Cli;

/// <summary>Default run directories (<c>reports/&lt;utc-stamp&gt;-&lt;suite&gt;-&lt;model&gt;</c>) and the <c>reports/latest</c> link.</summary>
internal static partial class OutputDirectory
{
    public const string LatestLink = "latest";

    public static string Default(string reportsRoot, IReadOnlyList<Suite> suites, string modelSpec, DateTimeOffset now)
    {
        var suitePart = suites.Count == 1 ? suites[0].Name : $"{suites[0].Name}+{suites.Count - 1}";
        var spec = ModelSpec.Parse(modelSpec);
        var modelPart = spec.NamesFile
            ? spec.Kind + "-" + Path.GetFileNameWithoutExtension(spec.Argument)
            : modelSpec;
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var name = $"{stamp}-{Clean(suitePart)}-{Clean(modelPart)}";
        var path = Path.Combine(reportsRoot, name);
        for (var i = 2; Directory.Exists(path); i++)
        {
            path = Path.Combine(reportsRoot, $"{name}-{i}");
        }

        return path;
    }

    /// <summary>True when the directory exists and holds anything: a run never writes over another.</summary>
    public static bool IsOccupied(string path) => Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any();

    /// <summary>Points <c>reports/latest</c> at the newest run; returns a warning when the link cannot be made.</summary>
    public static string? UpdateLatest(string reportsRoot, string runDirectory)
    {
        var full = Path.GetFullPath(runDirectory);
        if (!string.Equals(Path.GetDirectoryName(full), Path.GetFullPath(reportsRoot).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            return null;
        }

        var link = Path.Combine(reportsRoot, LatestLink);
        var temporary = link + ".new";
        try
        {
            Unlink(temporary);
            Directory.CreateSymbolicLink(temporary, Path.GetFileName(full));
            if (OperatingSystem.IsWindows() || Rename(temporary, link) != 0)
            {
                Unlink(link);
                Directory.Move(temporary, link);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return $"could not update {link}: {ex.Message}";
        }
    }

    private static void Unlink(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Exists)
        {
            info.Delete();
        }
    }

    // rename(2) replaces the old link in one step, so readers never see it missing.
    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Rename(string from, string to);

    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '+' ? c : '_');
        }

        var cleaned = sb.ToString().Trim('_', '.');
        return cleaned.Length > 60 ? cleaned[..60] : cleaned;
    }
}
