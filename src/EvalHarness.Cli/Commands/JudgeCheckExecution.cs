using System.Globalization;
using EvalHarness.Cli.Console;
using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Judges.Calibration;
using EvalHarness.Models;
using EvalHarness.Providers.Caching;
using EvalHarness.Resilience;
using EvalHarness.Scoring;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalh judge-check</c>: checks every labelled item and flag first (bad input writes nothing and exits 2),
/// asks the judges about every item as a run would, then reports how their verdicts agree with the human labels
/// and, with <c>--min-kappa</c>, whether every rubric's κ clears the bar.
/// </summary>
internal sealed class JudgeCheckExecution
{
    private readonly CliEnvironment _env;

    public JudgeCheckExecution(CliEnvironment env)
    {
        _env = env;
    }

    public async Task<int> ExecuteAsync(JudgeCheckRequest request, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var rubrics = CalibrationRubrics.Load(request.RubricFiles, diagnostics);
        var items = LabelledSetReader.Read(request.Paths, rubrics, diagnostics);
        CheckFlags(request, diagnostics);
        var roles = new ModelRoles();
        var scorers = diagnostics.HasErrors ? null : JudgeCheckJudging.Scorers(items, rubrics, roles, _env.Time, diagnostics);
        var settings = new ModelSettings { Environment = _env.Variables, Timeout = request.Timeout ?? Defaults.AttemptTimeout };
        var judges = diagnostics.HasErrors ? [] : JudgeSetup.Create(request.Judges.Specs, request.Judges, null, [], settings, diagnostics);
        if (scorers is null || diagnostics.HasErrors)
        {
            await DisposeAllAsync(judges).ConfigureAwait(false);
            DiagnosticPrinter.Print(_env.Error, diagnostics.Items);
            return ExitCodes.BadInput;
        }

        DiagnosticPrinter.Print(_env.Error, diagnostics.Items);
        try
        {
            return await CheckAsync(items, rubrics, scorers, judges, roles, request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await DisposeAllAsync(judges).ConfigureAwait(false);
        }
    }

    private static void CheckFlags(JudgeCheckRequest request, DiagnosticBag diagnostics)
    {
        if (request.Judges.Specs.Count == 0)
        {
            diagnostics.Error("command line", 0, 0, "--judge", "is required: name the judge model to check (give it several times to check a panel)");
        }
        else if (request.Judges.Specs.Contains(JudgeSetup.Demo, StringComparer.Ordinal))
        {
            diagnostics.Error("command line", 0, 0, "--judge", "'demo' replays verdicts recorded with the suites' demo answers, and labelled items have none; name the judge model to check");
        }

        if (request.Output is { } output)
        {
            if (OutputDirectory.IsOccupied(output))
            {
                diagnostics.Error("command line", 0, 0, "--out", $"{DisplayPaths.For(output)} already contains files; choose a new or empty directory");
            }
            else if (WritableDirectory.Problem(output) is { } unwritable)
            {
                diagnostics.Error("command line", 0, 0, "--out", unwritable);
            }
        }
    }

    private async Task<int> CheckAsync(List<LabelledItem> items, CalibrationRubrics rubrics, Dictionary<string, IReadOnlyList<ScorerConfig>> scorers, List<IModel> judges, ModelRoles roles, JudgeCheckRequest request, CancellationToken cancellationToken)
    {
        var files = items.Select(i => i.File).Distinct(StringComparer.Ordinal).ToList();
        _env.Out.WriteLine(ConsoleText.Safe($"evalh {HarnessInfo.Current}: checking the judge against {items.Count} human-labelled items from {string.Join(", ", files)}"));
        _env.Out.WriteLine(ConsoleText.Safe(JudgeSetup.Describe(judges, request.Judges)));
        _env.RunStarting();
        using var cache = request.NoCache || !judges.Any(j => j.Info.Live)
            ? null
            : FailSoftResponseCache.Open(CacheLocation.Directory(request.CacheDirectory, _env.Variables), warning => _env.Error.WriteLine(ConsoleText.Safe("warning: " + warning)));
        var options = new RescoreOptions
        {
            Scorers = scorers,
            Roles = [JudgeSetup.Role(judges, request.Judges, request.Seed)],
            Bindings = roles,
            Rejudge = true,
            Cache = cache,
            Resilience = new ResilienceOptions
            {
                MaxRetries = request.MaxRetries ?? Defaults.MaxRetries,
                AttemptTimeout = request.Timeout ?? Defaults.AttemptTimeout,
            },
            RunId = "judge-check",
        };

        // Nothing is written until every item is judged, so any Ctrl+C (or the caller's cancellation) simply stops.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _env.Signals.Stop, _env.Signals.Abort);
        RescoreOutcome outcome;
        try
        {
            var log = JudgeCheckJudging.Log(items, request.Seed, _env.Time.GetUtcNow());
            outcome = await new RunRescorer(_env.Time).RescoreAsync(log, string.Empty, options, new PlainProgress(_env.Error, _env.Time), stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _env.Error.WriteLine("interrupted: nothing was written");
            return ExitCodes.Interrupted;
        }

        if (outcome.Log is null || outcome.JudgeUnusable)
        {
            var why = outcome.Log is null
                ? $"the check stopped: {outcome.Stalled}"
                : $"the judge is unusable: all {outcome.Judged} verdicts asked for failed (first: {outcome.FirstJudgeError})";
            _env.Error.WriteLine(ConsoleText.Safe($"{why}; nothing was written"));
            return ExitCodes.Aborted;
        }

        var judged = JudgeCheckJudging.Outcomes(items, outcome.Log, rubrics);
        var report = CalibrationReport.Build(judged.Select(j => j.Outcome).ToList(), rubrics);
        var below = request.MinKappa is { } minimum ? report.BelowKappa(minimum) : null;
        if (request.Output is { } output)
        {
            var check = new JudgeCheckFacts(report, outcome.Log.Header.Roles is { Count: > 0 } bound ? bound[0] : null, files, request.MinKappa, below is null ? null : below.Count == 0)
            {
                Created = _env.Time.GetUtcNow(),
            };
            JudgeCheckFiles.Write(output, check, judged);
        }

        JudgeCheckPrinter.Print(_env.Out, report);
        if (request.Output is { } written)
        {
            _env.Out.WriteLine(ConsoleText.Safe($"report: {DisplayPaths.For(Path.Combine(written, JudgeCheckFiles.Markdown))}"));
            _env.Out.WriteLine(ConsoleText.Safe($"statistics and per-item verdicts: {DisplayPaths.For(Path.Combine(written, JudgeCheckFiles.Json))}; every judge call: {DisplayPaths.For(Path.Combine(written, JudgeCheckFiles.Calls))}"));
        }

        return Gate(request.MinKappa, below);
    }

    private int Gate(double? minimum, IReadOnlyList<RubricStatistics>? below)
    {
        if (minimum is not { } bar || below is null)
        {
            return ExitCodes.Ok;
        }

        var shown = bar.ToString("0.###", CultureInfo.InvariantCulture);
        if (below.Count == 0)
        {
            _env.Out.WriteLine($"min-kappa: every rubric's κ (point estimate) is at least {shown}");
            return ExitCodes.Ok;
        }

        foreach (var rubric in below)
        {
            var kappa = rubric.All.Kappa;
            _env.Error.WriteLine(ConsoleText.Safe(kappa?.Value is { } value
                ? $"min-kappa: rubric '{rubric.Rubric.Id}' has κ {JudgeCheckFormat.Number(value)} (point estimate), below {shown}"
                : $"min-kappa: rubric '{rubric.Rubric.Id}' has no κ ({kappa?.Reason ?? "undefined"}), so it cannot show κ of at least {shown}"));
        }

        return ExitCodes.GateFailed;
    }

    private static async Task DisposeAllAsync(IEnumerable<IModel> models)
    {
        foreach (var model in models)
        {
            await model.DisposeAsync().ConfigureAwait(false);
        }
    }
}
