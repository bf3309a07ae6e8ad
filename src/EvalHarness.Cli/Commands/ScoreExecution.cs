using EvalHarness.Cli.Console;
using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Models;
using EvalHarness.Providers.Caching;
using EvalHarness.Resilience;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalh score</c>: checks everything first (bad input leaves nothing behind), scores the recorded answers
/// again without calling the model, and writes the new run directory only once every sample is scored.
/// </summary>
internal sealed class ScoreExecution
{
    private readonly CliEnvironment _env;

    public ScoreExecution(CliEnvironment env)
    {
        _env = env;
    }

    public async Task<int> ExecuteAsync(ScoreRequest request, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var run = RecordedRun.Read(request.Run, diagnostics);
        if (OutputDirectory.IsOccupied(request.Output))
        {
            diagnostics.Error("command line", 0, 0, "--out", $"{DisplayPaths.For(request.Output)} already contains files; choose another directory (a re-scored run is a new run, beside the one it was scored from)");
        }
        else if (WritableDirectory.Problem(request.Output) is { } unwritable)
        {
            diagnostics.Error("command line", 0, 0, "--out", unwritable);
        }

        if (request.Rejudge && request.Judges.Specs.Count == 0)
        {
            diagnostics.Error("command line", 0, 0, "--rejudge", "asks the judges again, so it needs the judges: add --judge <model>");
        }

        var roles = new ModelRoles();
        var scorers = run is null ? null : RescoreScorers.Build(run, request, roles, diagnostics);
        var judges = run is null || scorers is null || diagnostics.HasErrors ? [] : CreateJudges(run, request, diagnostics);
        if (run is null || scorers is null || diagnostics.HasErrors)
        {
            await DisposeAllAsync(judges).ConfigureAwait(false);
            DiagnosticPrinter.Print(_env.Error, diagnostics.Items);
            return ExitCodes.BadInput;
        }

        DiagnosticPrinter.Print(_env.Error, diagnostics.Items);
        if (judges.Count > 0 && !scorers.Values.Any(list => list.Any(c => c.Scorer.Roles.Contains(ModelRole.Judge, StringComparer.Ordinal))))
        {
            _env.Error.WriteLine("warning: no scorer of this run judges, so --judge is not used");
            await DisposeAllAsync(judges).ConfigureAwait(false);
            judges = [];
        }

        try
        {
            return await ScoreAsync(run, scorers, judges, roles, request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await DisposeAllAsync(judges).ConfigureAwait(false);
        }
    }

    private async Task<int> ScoreAsync(RecordedRun run, Dictionary<string, IReadOnlyList<ScorerConfig>> scorers, List<IModel> judges, ModelRoles roles, ScoreRequest request, CancellationToken cancellationToken)
    {
        var header = run.Log.Header;
        if (run.Log.TornTail)
        {
            _env.Error.WriteLine("note: the last line of the log is incomplete (its writer was stopped mid-record) and was left out");
        }

        if (run.Log.Footer is null)
        {
            _env.Error.WriteLine("note: the run has no footer (it was killed, or is still going): re-scoring the samples it logged");
        }

        var label = header.Model.Live ? string.Empty : $" — {header.Model.Label}";
        _env.Out.WriteLine(ConsoleText.Safe($"evalh {HarnessInfo.Current}: re-scoring run {header.RunId} ({string.Join(", ", header.Suites.Select(s => s.Name))}, answers of {header.Model.Spec}{label}); the model is not called"));
        if (judges.Count > 0)
        {
            _env.Out.WriteLine(ConsoleText.Safe(JudgeSetup.Describe(judges, request.Judges)));
        }

        _env.RunStarting();
        using var cache = OpenCache(request, judges);
        var options = new RescoreOptions
        {
            Scorers = scorers,
            Roles = judges.Count == 0 ? [] : [JudgeSetup.Role(judges, request.Judges, header.Seed)],
            Bindings = roles,
            Rejudge = request.Rejudge,
            Cache = cache,
            Resilience = new ResilienceOptions
            {
                MaxRetries = request.MaxRetries ?? Defaults.MaxRetries,
                AttemptTimeout = request.Timeout ?? Defaults.AttemptTimeout,
            },
        };

        // Nothing is written until the end, so any Ctrl+C (or the caller's cancellation) simply stops.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _env.Signals.Stop, _env.Signals.Abort);
        RescoreOutcome outcome;
        try
        {
            outcome = await new RunRescorer(_env.Time).RescoreAsync(run.Log, run.Sha256, options, new PlainProgress(_env.Error, _env.Time), stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _env.Error.WriteLine(ConsoleText.Safe($"interrupted: nothing was written to {DisplayPaths.For(request.Output)}"));
            return ExitCodes.Interrupted;
        }

        if (outcome.Log is null || outcome.JudgeUnusable)
        {
            var why = outcome.Log is null
                ? $"re-scoring stopped: {outcome.Stalled}"
                : $"the judge is unusable: all {outcome.Judged} judge verdicts asked for failed (first: {outcome.FirstJudgeError})";
            _env.Error.WriteLine(ConsoleText.Safe($"{why}; nothing was written to {DisplayPaths.For(request.Output)}"));
            return ExitCodes.Aborted;
        }

        var results = new ResultsBuilder(Composition.Catalog).Build(outcome.Log);
        foreach (var problem in ScoreOutput.Write(outcome.Log, results, request.Output))
        {
            _env.Error.WriteLine(ConsoleText.Safe("warning: " + problem));
        }

        Summarise(outcome, results, request, judges.Count > 0);
        return ExitCodes.Ok;
    }

    private void Summarise(RescoreOutcome outcome, RunResults results, ScoreRequest request, bool judged)
    {
        var copied = outcome.Copied > 0 ? $"; {outcome.Copied} samples without an answer (the model failed) copied as they were" : string.Empty;
        _env.Out.WriteLine(ConsoleText.Safe($"re-scored {outcome.Rescored} samples: {outcome.Judged} judged, {outcome.Kept} kept from the original, {outcome.JudgeErrors} judge errors{copied}"));
        ResultsPrinter.Print(_env.Out, results, outcome.Log?.Header);
        var output = DisplayPaths.For(request.Output);
        _env.Out.WriteLine(ConsoleText.Safe($"log: {DisplayPaths.For(Path.Combine(request.Output, RunFiles.Log))}"));
        _env.Out.WriteLine(ConsoleText.Safe($"results: {DisplayPaths.For(Path.Combine(request.Output, RunFiles.Results))}"));
        _env.Out.WriteLine(ConsoleText.Safe($"report: {DisplayPaths.For(Path.Combine(request.Output, RunFiles.Report))}"));
        if (outcome.JudgeErrors > 0)
        {
            _env.Error.WriteLine(ConsoleText.Safe(judged
                ? $"warning: {outcome.JudgeErrors} judge errors (no verdict; left out of the metrics): complete them later with evalh score {output} --judge <model> --out <new dir>"
                : $"warning: {outcome.JudgeErrors} judge errors stay, since no --judge was given: complete them with evalh score {output} --judge <model> --out <new dir>"));
        }
    }

    /// <summary>Judges from the flags, as <c>run</c> creates them; <c>demo</c> replays the verdicts recorded with the suites' demo answers.</summary>
    private List<IModel> CreateJudges(RecordedRun run, ScoreRequest request, DiagnosticBag diagnostics)
    {
        var model = run.Log.Header.Model.Spec;
        var suites = new List<Suite>();
        if (request.Judges.Specs.Contains(JudgeSetup.Demo, StringComparer.Ordinal) && model == JudgeSetup.Demo)
        {
            var loader = Composition.SuiteLoader();
            foreach (var recorded in run.Log.Header.Suites)
            {
                if (loader.Load(recorded.Path, diagnostics, request.Loading) is { } suite)
                {
                    suites.Add(suite);
                }
            }

            if (diagnostics.HasErrors)
            {
                return [];
            }
        }

        var settings = new ModelSettings { Environment = _env.Variables, Timeout = request.Timeout ?? Defaults.AttemptTimeout };
        return JudgeSetup.Create(request.Judges.Specs, request.Judges, model, suites, settings, diagnostics);
    }

    // A broken, locked or unwritable cache must not stop a re-scoring: it goes on without it, warned once.
    private FailSoftResponseCache? OpenCache(ScoreRequest request, List<IModel> judges) =>
        request.NoCache || !judges.Any(j => j.Info.Live)
            ? null
            : FailSoftResponseCache.Open(CacheLocation.Directory(request.CacheDirectory, _env.Variables), warning => _env.Error.WriteLine(ConsoleText.Safe("warning: " + warning)));

    private static async Task DisposeAllAsync(IEnumerable<IModel> models)
    {
        foreach (var model in models)
        {
            await model.DisposeAsync().ConfigureAwait(false);
        }
    }
}
