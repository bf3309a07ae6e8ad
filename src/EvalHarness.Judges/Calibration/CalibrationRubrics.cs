using System.Diagnostics.CodeAnalysis;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Validation;

namespace EvalHarness.Judges.Calibration;

/// <summary>The rubrics labelled items may name: the built-in ones and those of the rubric files given.</summary>
public sealed class CalibrationRubrics
{
    private readonly Dictionary<string, CalibrationRubric> _rubrics;

    private CalibrationRubrics(Dictionary<string, CalibrationRubric> rubrics)
    {
        _rubrics = rubrics;
    }

    public static CalibrationRubrics BuiltIn { get; } = new(RubricCatalog.BuiltIn.All
        .GroupBy(r => r.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => new CalibrationRubric(g.Key, g), StringComparer.Ordinal));

    public IReadOnlyList<string> Ids => [.. _rubrics.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// The built-in rubrics plus each rubric file (its own id and language). A file whose id and language are
    /// taken, or that gives an id a verdict other than its other language's, is reported to
    /// <paramref name="diagnostics"/> and left out.
    /// </summary>
    /// <param name="files">Rubric files as the user named them; each must be Markdown (<c>.md</c>).</param>
    public static CalibrationRubrics Load(IReadOnlyList<string> files, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var loaded = new List<(Rubric Rubric, string Path)>();
        foreach (var file in files)
        {
            if (!file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error("command line", 0, 0, "--rubric-file", $"'{file}' is not a rubric file: rubric files are Markdown with front matter, named *.md");
                continue;
            }

            if (RubricCatalog.LoadFile(file, diagnostics) is { } rubric)
            {
                loaded.Add((rubric, Path.GetFullPath(file)));
            }
        }

        // The catalogue refuses an id and language already taken (by a built-in rubric or another file).
        var accepted = RubricCatalog.BuiltIn.With(loaded.Select(l => l.Rubric), diagnostics).All.Where(r => !r.IsBuiltIn).ToHashSet();
        var rubrics = new Dictionary<string, CalibrationRubric>(BuiltIn._rubrics, StringComparer.Ordinal);
        foreach (var group in loaded.Where(l => accepted.Contains(l.Rubric)).GroupBy(l => l.Rubric.Id, StringComparer.Ordinal))
        {
            var versions = group.ToList();
            // One κ per rubric: its versions must share the categories.
            var mismatch = versions.FirstOrDefault(v => !v.Rubric.Verdict.Equals(versions[0].Rubric.Verdict));
            if (mismatch.Rubric is not null)
            {
                diagnostics.Error(mismatch.Rubric.Source, 0, 0, "verdict", $"rubric '{group.Key}' ({mismatch.Rubric.Language}) allows {mismatch.Rubric.Verdict.Describe()}, but its {versions[0].Rubric.Language} version ({versions[0].Rubric.Source}) allows {versions[0].Rubric.Verdict.Describe()}: the versions of one rubric must have the same verdicts");
                continue;
            }

            rubrics[group.Key] = new CalibrationRubric(group.Key, versions.Select(v => v.Rubric), versions.ToDictionary(v => v.Rubric.Language, v => v.Path, StringComparer.Ordinal));
        }

        return new CalibrationRubrics(rubrics);
    }

    public bool TryGet(string id, [NotNullWhen(true)] out CalibrationRubric? rubric) => _rubrics.TryGetValue(id, out rubric);
}
