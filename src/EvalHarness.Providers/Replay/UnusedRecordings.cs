using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Providers.Replay;

/// <summary>
/// Warns about recordings that answer no sample of the run. They are harmless to the run itself, but usually
/// mean the recordings belong to another version of the dataset, or ids were renamed on one side only.
/// </summary>
internal static class UnusedRecordings
{
    private const int Shown = 5;

    public static void Warn(IReadOnlyList<Recording> recordings, IReadOnlyList<Suite> suites, DiagnosticBag diagnostics)
    {
        if (suites.Count == 0)
        {
            return;
        }

        var idsBySuite = suites.ToDictionary(s => s.Name, s => s.Samples.Select(x => x.Id).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var file in recordings.GroupBy(r => r.Source, StringComparer.Ordinal))
        {
            var unused = file
                .Where(r => r.Suite is null ? !idsBySuite.Values.Any(ids => ids.Contains(r.Id)) : !(idsBySuite.TryGetValue(r.Suite, out var ids) && ids.Contains(r.Id)))
                .DistinctBy(r => (r.Suite, r.Id))
                .ToList();
            if (unused.Count == 0)
            {
                continue;
            }

            // A demo file (or a replay file whose records name their suite) answers one suite: name that one.
            var named = unused.Select(r => r.Suite).Distinct().ToList();
            var scope = named is [{ } only] && idsBySuite.ContainsKey(only) ? $"suite '{only}'"
                : suites.Count == 1 ? $"suite '{suites[0].Name}'"
                : "any suite of this run";
            var listed = string.Join(", ", unused.Take(Shown).Select(r => r.Suite is null || idsBySuite.ContainsKey(r.Suite) ? $"'{r.Id}'" : $"'{r.Id}' (suite '{r.Suite}')"));
            var more = unused.Count > Shown ? $" and {unused.Count - Shown} more" : string.Empty;
            var count = unused.Count == 1 ? "1 recorded sample id is" : $"{unused.Count} recorded sample ids are";
            diagnostics.Warning(file.Key, unused[0].Line, 0, "id", $"{count} not in {scope}, so those recordings are ignored: {listed}{more}");
        }
    }
}
