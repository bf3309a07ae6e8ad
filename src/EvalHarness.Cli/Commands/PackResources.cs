using EvalHarness.Evidence;
using EvalHarness.Infrastructure;
using EvalHarness.Scoring;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Finds the exact text of a scorer resource a log names: a built-in one among the embedded resources of every
/// pack (matched by its SHA-256, so a rubric changed in a later build is not mistaken for the one that judged),
/// or a user's file at its recorded path.
/// </summary>
internal static class PackResources
{
    /// <summary>A rubric or lexicon file is small; a larger file at the recorded path is not the one that was hashed.</summary>
    private const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly Lazy<Dictionary<string, EvidenceResourceText>> s_builtIn = new(LoadBuiltIn);

    public static EvidenceResourceText? Find(ScorerResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Source == "built-in")
        {
            return s_builtIn.Value.GetValueOrDefault(resource.Sha256);
        }

        try
        {
            var path = Path.GetFullPath(resource.Source);
            return new FileInfo(path) is { Exists: true, Length: <= MaxFileBytes }
                ? new EvidenceResourceText(Path.GetFileName(path), File.ReadAllBytes(path))
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static Dictionary<string, EvidenceResourceText> LoadBuiltIn()
    {
        var found = new Dictionary<string, EvidenceResourceText>(StringComparer.Ordinal);
        var assemblies = Composition.Packs.Select(p => p.GetType().Assembly).Prepend(typeof(HarnessInfo).Assembly).Distinct();
        foreach (var assembly in assemblies)
        {
            foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                found.TryAdd(Hashing.Sha256(bytes), new EvidenceResourceText(name[(name.LastIndexOf('/') + 1)..], bytes));
            }
        }

        return found;
    }
}
