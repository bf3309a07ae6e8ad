using EvalHarness.Configuration;
using EvalHarness.Infrastructure;

namespace EvalHarness.Loading;

/// <summary>
/// Decides whether a suite may read a file it names. A suite received from someone else must not read
/// /etc/passwd or ~/.ssh, send it to an endpoint and store it in the run, so its files must lie (after
/// links are followed) in the directory tree the user named, or in a path the user allowed explicitly.
/// </summary>
internal sealed class ReadablePaths
{
    private readonly string _root;
    private readonly string _realRoot;
    private readonly List<string> _allowed;

    public ReadablePaths(string root, IEnumerable<string> allowed)
    {
        _root = Path.GetFullPath(root);
        _realRoot = RealPaths.Resolve(_root);
        _allowed = allowed.Select(RealPaths.Resolve).ToList();
    }

    /// <summary>True when the suite may read <paramref name="path"/>; otherwise reports it at <paramref name="key"/> of <paramref name="section"/>.</summary>
    public bool Check(ConfigSection section, string key, string path)
    {
        var real = RealPaths.Resolve(path);
        if (RealPaths.IsWithin(real, _realRoot) || _allowed.Exists(a => RealPaths.IsWithin(real, a)))
        {
            return true;
        }

        var full = Path.GetFullPath(path);
        var via = full.Equals(real, RealPaths.Comparison) ? string.Empty : $" (through a link, to {DisplayPaths.For(real)})";
        var directory = Path.GetDirectoryName(real) ?? real;
        section.Error(key,
            $"{DisplayPaths.For(full)} lies outside {DisplayPaths.For(_root)}{via}, and a suite may read only files inside the directory given on the command line; " +
            $"if you trust this suite, allow it with --allow-path {DisplayPaths.For(directory)}");
        return false;
    }
}
