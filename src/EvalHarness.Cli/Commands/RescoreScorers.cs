using EvalHarness.Engine;
using EvalHarness.Loading;
using EvalHarness.Scoring;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>The scorers a re-scoring applies to each suite of the run: the run's own, rebuilt, and those of <c>--scorers</c>.</summary>
internal static class RescoreScorers
{
    /// <summary>
    /// Each suite's scorers by name: its own rebuilt from the header as its suite file created them, then
    /// the scorers file's, where one with the id of a scorer of the run replaces it and the others are added.
    /// Null when any problem was reported to <paramref name="diagnostics"/>.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<ScorerConfig>>? Build(RecordedRun run, ScoreRequest request, IModelRoles roles, DiagnosticBag diagnostics)
    {
        var loader = new ScorerListLoader(Composition.Catalog, roles);
        var header = run.Log.Header;
        var own = new Dictionary<string, IReadOnlyList<ScorerConfig>>(StringComparer.Ordinal);
        for (var i = 0; i < header.Suites.Count; i++)
        {
            if (loader.Rebuild(header.Suites[i], i, run.LogPath, diagnostics, request.Loading) is { } scorers)
            {
                own[header.Suites[i].Name] = scorers;
            }
        }

        var added = request.Scorers is null ? [] : loader.LoadFile(request.Scorers, diagnostics, request.Loading, scorer => RunRescorer.SamplesFor(run.Log, scorer.Id)) ?? [];
        if (diagnostics.HasErrors)
        {
            return null;
        }

        return own.ToDictionary(
            suite => suite.Key,
            suite => (IReadOnlyList<ScorerConfig>)
            [
                .. suite.Value.Select(s => added.FirstOrDefault(a => a.Id == s.Id) ?? s),
                .. added.Where(a => suite.Value.All(s => s.Id != a.Id)),
            ],
            StringComparer.Ordinal);
    }
}
