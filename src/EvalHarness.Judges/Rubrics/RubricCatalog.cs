using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EvalHarness.Validation;

namespace EvalHarness.Judges.Rubrics;

/// <summary>
/// The rubrics a suite can name: the built-in ones (embedded in this assembly, each in Japanese and English)
/// and any the user adds from files. An id names one rubric per language.
/// </summary>
public sealed class RubricCatalog
{
    /// <summary>A rubric file is instructions, not data; anything larger is a mistake.</summary>
    public const long MaxFileBytes = 256 * 1024;

    private const string ResourcePrefix = "rubrics/";

    private static readonly Lazy<RubricCatalog> s_builtIn = new(LoadBuiltIn);

    private readonly List<Rubric> _rubrics;

    private RubricCatalog(IEnumerable<Rubric> rubrics)
    {
        _rubrics = rubrics.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Language, StringComparer.Ordinal).ToList();
        Ids = _rubrics.Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
    }

    public static RubricCatalog BuiltIn => s_builtIn.Value;

    /// <summary>Every rubric, by id and then language.</summary>
    public IReadOnlyList<Rubric> All => _rubrics;

    public IReadOnlyList<string> Ids { get; }

    public bool TryGet(string id, string language, [NotNullWhen(true)] out Rubric? rubric) =>
        TryGet(id, language, allowOtherLanguage: false, out rubric);

    /// <param name="allowOtherLanguage">When the rubric does not exist in <paramref name="language"/>, take it in
    /// another language rather than fail (a caller that allows this should say so to the user).</param>
    public bool TryGet(string id, string language, bool allowOtherLanguage, [NotNullWhen(true)] out Rubric? rubric)
    {
        rubric = _rubrics.Find(r => r.Id == id && r.Language == language)
            ?? (allowOtherLanguage ? _rubrics.Find(r => r.Id == id) : null);
        return rubric is not null;
    }

    /// <summary>
    /// This catalogue plus <paramref name="rubrics"/>. A rubric whose id and language are already taken (by a
    /// built-in rubric or another file) is refused with a diagnostic naming both sources: replacing a
    /// built-in rubric silently would make a run log's rubric id mean different texts.
    /// </summary>
    public RubricCatalog With(IEnumerable<Rubric> rubrics, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(rubrics);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var all = new List<Rubric>(_rubrics);
        foreach (var rubric in rubrics)
        {
            if (all.Find(r => r.Id == rubric.Id && r.Language == rubric.Language) is { } existing)
            {
                diagnostics.Error(rubric.Source, rubric.IdLine, 0, "id",
                    $"rubric '{rubric.Id}' ({rubric.Language}) is already defined by {existing.Source}; give this one another id");
                continue;
            }

            all.Add(rubric);
        }

        return new RubricCatalog(all);
    }

    /// <summary>Reads a rubric file; problems go to <paramref name="diagnostics"/> with the path as given.</summary>
    public static Rubric? LoadFile(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                diagnostics.Error(path, 0, 0, null, "is a directory, not a rubric file");
                return null;
            }

            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                diagnostics.Error(path, 0, 0, null, string.Create(CultureInfo.InvariantCulture, $"is {info.Length} bytes; a rubric file may hold at most {MaxFileBytes}"));
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            diagnostics.Error(path, 0, 0, null, "file not found");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(path, 0, 0, null, "cannot be read: " + ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            diagnostics.Error(path, 0, 0, null, "is not a valid file path");
            return null;
        }

        return RubricParser.Parse(bytes, path, path, diagnostics);
    }

    private static RubricCatalog LoadBuiltIn()
    {
        var assembly = typeof(RubricCatalog).Assembly;
        var diagnostics = new DiagnosticBag();
        var rubrics = new List<Rubric>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var file = "built-in:" + name[ResourcePrefix.Length..];
            if (RubricParser.Parse(buffer.ToArray(), file, Rubric.BuiltInSource, diagnostics) is not { } rubric)
            {
                continue;
            }

            // The file name is how a maintainer finds the text behind an id; they must not drift apart.
            if (name[ResourcePrefix.Length..] != $"{rubric.Id}.{rubric.Language}.md")
            {
                diagnostics.Error(file, rubric.IdLine, 0, "id", $"a built-in rubric file is named <id>.<language>.md: expected {rubric.Id}.{rubric.Language}.md");
            }

            rubrics.Add(rubric);
        }

        var catalog = new RubricCatalog([]).With(rubrics, diagnostics);
        if (diagnostics.HasErrors)
        {
            // Shipped rubrics are part of the program: a broken one is a build defect, which the tests catch.
            throw new InvalidOperationException("built-in rubrics are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Items));
        }

        return catalog;
    }
}
