using EvalHarness.Infrastructure;

namespace EvalHarness.Cli;

/// <summary>
/// Checks that a directory a command will write into can be made and written, before anything is written:
/// otherwise the failure surfaces halfway through as an exception, after the run has spent its time (and
/// the user's money) on a target.
/// </summary>
internal static class WritableDirectory
{
    /// <summary>Why <paramref name="path"/> cannot be (or become) a directory this process writes into; null when it can.</summary>
    public static string? Problem(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return $"{DisplayPaths.For(full)} is a file, not a directory";
        }

        var existing = full;
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                return null;
            }

            if (File.Exists(parent))
            {
                return $"{DisplayPaths.For(parent)} is a file, so {DisplayPaths.For(full)} cannot be a directory inside it";
            }

            existing = parent;
        }

        return Probe(existing);
    }

    // Permission bits do not answer the question: root ignores them, and read-only or virtual file
    // systems refuse writes whatever the bits say. Only a write does; the file is gone when closed.
    private static string? Probe(string directory)
    {
        var probe = Path.Combine(directory, $".evalh-write-test-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"cannot write in {DisplayPaths.For(directory)} (permission denied)";
        }
        catch (IOException ex)
        {
            return $"cannot write in {DisplayPaths.For(directory)} ({ex.Message.Replace(probe, directory, StringComparison.Ordinal)})";
        }
    }
}
