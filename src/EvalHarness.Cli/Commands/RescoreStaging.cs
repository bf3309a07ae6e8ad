namespace EvalHarness.Cli.Commands;

/// <summary>
/// A temporary tree that puts extracted files back where the run found them, relative to one another: scorers
/// are rebuilt from the log header as the suite file created them, and a user rubric named <c>strict.md</c> or
/// <c>../rubrics/strict.md</c> is found beside the suite file only if the two keep their recorded positions.
/// </summary>
internal sealed class RescoreStaging : IDisposable
{
    // A recorded relative path may climb out of the run's working directory; this many levels can be mirrored.
    private const int Depth = 8;

    private readonly string _workingDirectory;

    public RescoreStaging()
    {
        Root = Path.Combine(Path.GetTempPath(), "evalh-rescore-" + Guid.NewGuid().ToString("N")[..12]);
        _workingDirectory = Path.Combine([Root, "rel", .. Enumerable.Repeat("d", Depth)]);
        Directory.CreateDirectory(_workingDirectory);
    }

    public string Root { get; }

    /// <summary>Where <paramref name="recordedPath"/> (as the run recorded it) lies in the tree; null when it cannot be mirrored.</summary>
    public string? Place(string recordedPath)
    {
        string full;
        if (Path.IsPathRooted(recordedPath))
        {
            var root = Path.GetPathRoot(recordedPath) ?? string.Empty;
            full = Path.GetFullPath(Path.Combine(Root, "abs", recordedPath[root.Length..]));
        }
        else
        {
            full = Path.GetFullPath(Path.Combine(_workingDirectory, recordedPath));
        }

        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>Copies <paramref name="extracted"/> to where <paramref name="recordedPath"/> lies; the staged path, or null.</summary>
    public string? Stage(string recordedPath, string extracted)
    {
        if (Place(recordedPath) is not { } staged || !File.Exists(extracted))
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.Copy(extracted, staged, overwrite: true);
        return staged;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only copies live here; the OS temp cleaner takes what could not be removed now.
        }
    }
}
