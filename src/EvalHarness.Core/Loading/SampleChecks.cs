using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Solvers;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>Checks every sample against the solver steps and scorers that will handle it.</summary>
internal static class SampleChecks
{
    /// <summary>Scorer ids the suite file declares, including ones that failed to load.</summary>
    public static HashSet<string> DeclaredScorerIds(ConfigSection root)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in root.Node["scorers"] as JsonArray ?? [])
        {
            var id = entry switch
            {
                JsonValue v when v.TryGetValue<string>(out var bare) => bare,
                JsonObject o => (o["id"] ?? o["name"]) is JsonValue v && v.TryGetValue<string>(out var named) ? named : null,
                _ => null,
            };
            if (id is not null)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    public static void Check(List<Sample> samples, List<SolverStep> steps, List<ScorerConfig> scorers, HashSet<string> scorerIds, string file, DiagnosticBag diagnostics)
    {
        var multiTurn = steps.Exists(s => s.Name == MultiTurnSolver.Name);
        var unasked = 0;
        foreach (var sample in samples)
        {
            if (sample.Metadata.ContainsKey(MetadataKeys.MaxTokens) && MetadataKeys.MaxTokensOf(sample) is null)
            {
                diagnostics.Error(file, sample.Line, 0, MetadataKeys.MaxTokens, $"sample '{sample.Id}': must be a whole number of at least 1, not '{sample.Metadata[MetadataKeys.MaxTokens]}'");
            }

            if (!multiTurn && sample.Metadata.TryGetValue(MultiTurnSolver.DefaultKey, out var followUps) && followUps is not ("[]" or ""))
            {
                unasked++;
            }

            foreach (var step in steps)
            {
                if (step.Solver.CheckSample(sample) is { } problem)
                {
                    diagnostics.Error(file, sample.Line, 0, problem.Field, $"sample '{sample.Id}': {problem.Message}");
                }
            }

            foreach (var id in sample.Scorers ?? [])
            {
                if (!scorerIds.Contains(id))
                {
                    diagnostics.Error(file, sample.Line, 0, "scorers", $"sample '{sample.Id}' names scorer '{id}', which the suite does not define (defined: {string.Join(", ", scorerIds)})");
                }
            }

            foreach (var scorer in scorers)
            {
                if ((sample.Scorers is null || sample.Scorers.Contains(scorer.Id)) && scorer.Scorer.CheckSample(sample) is { } problem)
                {
                    diagnostics.Error(file, sample.Line, 0, problem.Field, $"sample '{sample.Id}', scorer '{scorer.Id}': {problem.Message}");
                }
            }
        }

        if (unasked > 0)
        {
            // Not an error (asking only the first turn is a legitimate choice), but easy to do by accident.
            diagnostics.Warning(file, 0, 0, MultiTurnSolver.DefaultKey,
                $"{unasked} samples have follow-up turns, but the solver has no {MultiTurnSolver.Name} step: only their first turn is asked");
        }
    }
}
