using EvalHarness.Models;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>Turns the judge flags into judge models for the run's role binding, with the checks a user needs.</summary>
internal static class JudgeSetup
{
    public const string Demo = "demo";

    /// <summary>True when some suite scores with a judge.</summary>
    public static bool NeedsJudge(IEnumerable<Suite> suites) =>
        suites.Any(s => s.Scorers.Any(c => c.Scorer.Roles.Contains(ModelRole.Judge, StringComparer.Ordinal)));

    /// <summary>
    /// The judge specs to use: those given, or with <c>--model demo</c> and a suite that needs a judge, the
    /// verdicts recorded with the demo answers (<c>--judge demo</c>), so a demo run shows judged results.
    /// </summary>
    public static IReadOnlyList<string> Specs(JudgeRequest request, string? model, bool needsJudge) =>
        request.Specs.Count > 0 ? request.Specs : needsJudge && model == Demo ? [Demo] : [];

    /// <summary>Creates the judge models; bad specs or settings go to <paramref name="diagnostics"/> and give none.</summary>
    public static List<IModel> Create(IReadOnlyList<string> specs, JudgeRequest request, string? model, IReadOnlyList<Suite> suites, ModelSettings modelSettings, DiagnosticBag diagnostics)
    {
        var judges = new List<IModel>();
        if (specs.Contains(Demo, StringComparer.Ordinal) && model != Demo)
        {
            diagnostics.Error("command line", 0, 0, "--judge", "'demo' replays the verdicts recorded with the suites' demo answers, so it can only judge --model demo; name a live judge model");
            return judges;
        }

        var settings = modelSettings with { BaseUrl = request.BaseUrl, ApiKeyVariable = request.ApiKeyVariable };
        foreach (var spec in specs)
        {
            try
            {
                judges.Add(Composition.Catalog.Models.Create(spec, new ModelRequest
                {
                    Settings = settings,
                    Suites = suites,
                    Option = "--judge",
                    BaseUrlOption = "--judge-base-url",
                    KeyOption = "--judge-api-key-env",
                }));
            }
            catch (InvalidInputException ex)
            {
                diagnostics.AddRange(ex.Diagnostics);
            }
        }

        return judges;
    }

    /// <summary>The role the engine binds: judges answer at temperature 0 with the run's seed, with room for brief reasoning.</summary>
    public static ModelRole Role(IReadOnlyList<IModel> judges, JudgeRequest request, int seed) => new(ModelRole.Judge, judges)
    {
        Vote = request.Vote,
        Settings = new GenerationSettings { Temperature = 0, Seed = seed, MaxTokens = 2048 },
        MaxConnections = request.MaxConnections,
    };

    /// <summary>One line for the console: who judges, and when it is not a live model, what it is.</summary>
    public static string Describe(IReadOnlyList<IModel> judges, JudgeRequest request) => judges.Count switch
    {
        1 => $"judge: {judges[0].Info.Spec}" + (judges[0].Info.Live ? " (temperature 0)" : $" — {judges[0].Info.Label}"),
        _ => $"judges: {string.Join(", ", judges.Select(j => j.Info.Spec))} (panel, {request.Vote}; temperature 0)",
    };
}
