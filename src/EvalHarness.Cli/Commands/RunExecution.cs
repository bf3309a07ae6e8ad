using EvalHarness.Caching;
using EvalHarness.Cli.Console;
using EvalHarness.Cli.Suites;
using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Providers;
using EvalHarness.Providers.Caching;
using EvalHarness.Resilience;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Models;
using EvalHarness.Validation;
using Spectre.Console;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Validates everything before touching the disk (so bad input leaves nothing behind), runs, writes
/// reports, prints the summary and turns the outcome into an exit code.
/// </summary>
internal sealed class RunExecution
{
    private readonly CliEnvironment _env;

    public RunExecution(CliEnvironment env)
    {
        _env = env;
    }

    public async Task<int> ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        _ = RunWarmUp.Start();
        var diagnostics = new DiagnosticBag();
        var resumed = request.Resume is null ? null : ReadResumedLog(request.Resume, diagnostics);
        if (resumed is not null)
        {
            request = ForResume(request, resumed.Header);
        }

        var files = SuiteArguments.Resolve(request.Suites, _env.SuitesRoot, diagnostics);
        var roles = new ModelRoles();
        var suites = SuiteArguments.Load(files, diagnostics, request.Loading, roles, request.Gsn);
        var gate = RunGate.Prepare(request, diagnostics);
        var outputDirectory = request.Resume ?? request.Output;
        if (request.Resume is null && outputDirectory is not null && OutputDirectory.IsOccupied(outputDirectory))
        {
            diagnostics.Error("command line", 0, 0, "--out", $"{DisplayPaths.For(outputDirectory)} already contains files; choose another directory (runs never overwrite each other), or continue that run with --resume");
        }

        if ((request.Resume is null || resumed is not null) && WritableDirectory.Problem(outputDirectory ?? _env.ReportsRoot) is { } unwritable)
        {
            var flag = request.Resume is null ? "--out" : "--resume";
            diagnostics.Error("command line", 0, 0, flag, outputDirectory is null ? $"runs go under {DisplayPaths.For(_env.ReportsRoot)} by default, but {unwritable}; choose a directory with --out" : unwritable);
        }

        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(_env.Error, diagnostics.Items);
            return ExitCodes.BadInput;
        }

        IModel target;
        try
        {
            target = Composition.Catalog.Models.Create(request.Model!, new ModelRequest { Settings = ModelSettings(request), Suites = suites, Warnings = diagnostics });
        }
        catch (InvalidInputException ex)
        {
            DiagnosticPrinter.Print(_env.Error, [.. diagnostics.Items, .. ex.Diagnostics]);
            return ExitCodes.BadInput;
        }

        var needsJudge = JudgeSetup.NeedsJudge(suites);
        var judges = JudgeSetup.Create(JudgeSetup.Specs(request.Judges, request.Model, needsJudge), request.Judges, request.Model, suites, ModelSettings(request), diagnostics);
        if (diagnostics.HasErrors)
        {
            await target.DisposeAsync().ConfigureAwait(false);
            await DisposeAllAsync(judges).ConfigureAwait(false);
            DiagnosticPrinter.Print(_env.Error, diagnostics.Items);
            return ExitCodes.BadInput;
        }

        DiagnosticPrinter.Print(_env.Error, diagnostics.Items);
        WarnAboutJudges(needsJudge, judges, suites);
        await using (target.ConfigureAwait(false))
        {
            try
            {
                outputDirectory ??= OutputDirectory.Default(_env.ReportsRoot, suites, request.Model! + (request.Shard is { } s ? $"-shard-{s.Index}-of-{s.Count}" : string.Empty), _env.Time.GetUtcNow());
                using var cache = OpenCache(request, [target.Info, .. judges.Select(j => j.Info)]);
                var handoff = new SuiteHandoff(suites);
                suites = null!;
                return await RunAsync(target, judges, roles, handoff, request, outputDirectory, cache, gate).ConfigureAwait(false);
            }
            finally
            {
                await DisposeAllAsync(judges).ConfigureAwait(false);
            }
        }
    }

    private static async Task DisposeAllAsync(IEnumerable<IModel> models)
    {
        foreach (var model in models)
        {
            await model.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void WarnAboutJudges(bool needsJudge, List<IModel> judges, List<Suite> suites)
    {
        if (needsJudge && judges.Count == 0)
        {
            var scorers = suites.SelectMany(s => s.Scorers.Where(c => c.Scorer.Roles.Contains(ModelRole.Judge, StringComparer.Ordinal)).Select(c => $"{s.Name}/{c.Id}"));
            _env.Error.WriteLine(ConsoleText.Safe($"warning: no --judge given, so the judge scorers ({string.Join(", ", scorers)}) record a judge error for every sample; add --judge <model>, or judge this run later with evalh score <run dir> --judge <model>"));
        }
        else if (!needsJudge && judges.Count > 0)
        {
            _env.Error.WriteLine("warning: no suite of this run scores with a judge, so --judge is not used");
        }
    }

    private async Task<int> RunAsync(IModel target, List<IModel> judges, ModelRoles roles, SuiteHandoff suites, RunRequest request, string outputDirectory, IResponseCache? cache, RunGate? gate)
    {
        _env.RunStarting();
        var options = new RunOptions
        {
            OutputDirectory = outputDirectory,
            MaxConnections = request.MaxConnections,
            Limit = request.Limit,
            Epochs = request.Epochs,
            Generate = request.Generate,
            Seed = request.Seed ?? 0,
            Shard = request.Shard,
            Resume = request.Resume is not null,
            Cache = cache,
            CacheExpiry = request.CacheExpiry ?? Defaults.CacheExpiry,
            Resilience = new ResilienceOptions
            {
                MaxRetries = request.MaxRetries ?? Defaults.MaxRetries,
                AttemptTimeout = request.Timeout ?? Defaults.AttemptTimeout,
            },
            Roles = judges.Count == 0 ? [] : [JudgeSetup.Role(judges, request.Judges, request.Seed ?? 0)],
            Bindings = roles,
        };

        var label = target.Info.Live ? string.Empty : $" — {target.Info.Label}";
        _env.Out.WriteLine(ConsoleText.Safe($"evalh {HarnessInfo.Current}: {string.Join(", ", suites.Suites.Select(s => s.Name))} against {target.Info.Spec}{label}{ShardLabel(request, options.Resume)}"));
        if (judges.Count > 0)
        {
            _env.Out.WriteLine(ConsoleText.Safe(JudgeSetup.Describe(judges, request.Judges)));
        }

        _env.Out.WriteLine(ConsoleText.Safe($"{(options.Resume ? "resuming" : "writing to")} {DisplayPaths.For(outputDirectory)}"));

        ExecutedRun executed;
        var runner = new EvalRunner(Composition.Catalog, _env.Time);
        _ = Composition.Reporters().WarmUp();
        var loaded = suites.Take();
        LargeRunMemory.AfterLoading(loaded.Sum(s => s.Samples.Count));
        try
        {
            executed = _env.Interactive
                ? await SpectreProgress.RunAsync(AnsiConsole.Console, _env.Time, observer => runner.ExecuteAsync(target, loaded, options, observer, _env.Signals)).ConfigureAwait(false)
                : await runner.ExecuteAsync(target, loaded, options, new PlainProgress(_env.Out, _env.Time), _env.Signals).ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            DiagnosticPrinter.Print(_env.Error, ex.Diagnostics);
            return ExitCodes.BadInput;
        }
        finally
        {
            // Emptied, not just dropped (as SuiteHandoff explains): anything still holding a suite after the requests,
            // or a finished sample's work item that reaches one, would otherwise hold every sample of its dataset.
            foreach (var suite in loaded)
            {
                (suite.Samples as List<Sample>)?.Clear();
            }

            loaded.Clear();
        }

        // The log holds everything from here on; the datasets (a million prompts) need not outlive the requests. The
        // run's last steps resumed on a thread whose stack still holds the finished session (and its work items):
        // continue on a fresh one, or that stack would keep every sample alive through the results and reports.
        await Task.Yield();
        LargeRunMemory.Release(executed.Log);

        // A run held in memory writes the reports that need only its log (samples.csv) while its results are derived,
        // on the core that would otherwise wait for them. A large run reads its records back from disk for each, and
        // a second reader beside the results would add its own peak to theirs.
        var reporters = Composition.Reporters();
        var early = Task.FromResult<IReadOnlyList<string>>([]);
        if (!executed.AlreadyComplete && !executed.Log.SamplesOnDisk)
        {
            (reporters, early) = reporters.StartFromLog(executed.Log, request.ShowPersonalData, outputDirectory);
        }

        RunOutcome outcome;
        try
        {
            outcome = runner.Summarise(executed);
        }
        finally
        {
            // Nothing is left half-written behind a failure to derive the results.
            await early.ConfigureAwait(false);
        }

        LargeRunMemory.Release(outcome.Log);

        if (outcome.AlreadyComplete)
        {
            _env.Out.WriteLine(ConsoleText.Safe($"{DisplayPaths.For(outputDirectory)} is already complete ({outcome.Results.Counts.Samples} samples); nothing to resume, no file changed"));
            _env.Out.WriteLine(ConsoleText.Safe($"results: {DisplayPaths.For(outcome.ResultsPath)}"));
            return ExitCodes.Ok;
        }

        // Judged before the reports are written, so they show the verdict.
        var verdict = gate?.Judge(_env, outcome.Log, outputDirectory);
        foreach (var problem in early.Result.Concat(reporters.WriteAll(new ReportInput(outcome.Log, outcome.Results) { ShowPersonalData = request.ShowPersonalData, Gate = verdict }, outputDirectory)))
        {
            _env.Error.WriteLine(ConsoleText.Safe("warning: " + problem));
        }

        if (request.Output is null && request.Resume is null && OutputDirectory.UpdateLatest(_env.ReportsRoot, outputDirectory) is { } linkProblem)
        {
            _env.Error.WriteLine(ConsoleText.Safe("warning: " + linkProblem));
        }

        ResultsPrinter.Print(_env.Out, outcome.Results, outcome.Log.Header);
        AisevSummary.Print(_env.Out, outcome.Results);
        _env.Out.WriteLine(ConsoleText.Safe($"log: {DisplayPaths.For(outcome.LogPath)}"));
        _env.Out.WriteLine(ConsoleText.Safe($"results: {DisplayPaths.For(outcome.ResultsPath)}"));
        _env.Out.WriteLine(ConsoleText.Safe($"report: {DisplayPaths.For(Path.Combine(outputDirectory, RunFiles.Report))}"));
        if (verdict is not null)
        {
            GatePrinter.Print(_env.Out, verdict);
        }

        // Aborted, interrupted and failed runs keep their own codes; a failed gate turns an otherwise good run into 1.
        var code = ExitCode(outcome, request, outputDirectory);
        return code != ExitCodes.Ok ? code
            : gate is not null && verdict is null ? ExitCodes.BadInput
            : verdict is { Passed: false } ? ExitCodes.GateFailed
            : code;
    }

    private int ExitCode(RunOutcome outcome, RunRequest request, string outputDirectory)
    {
        var results = outcome.Results;
        switch (outcome.Log.Footer?.Status)
        {
            case RunStatus.Aborted:
                _env.Error.WriteLine(ConsoleText.Safe($"run aborted: {outcome.Log.Footer.Reason}"));
                return ExitCodes.Aborted;
            case RunStatus.Interrupted:
                _env.Error.WriteLine(ConsoleText.Safe($"run interrupted ({results.Counts.Pending} samples not run); continue it with: evalh run --resume {DisplayPaths.For(outputDirectory)}"));
                return ExitCodes.Interrupted;
        }

        if (request.FailOnError.IsExceeded(results.Counts.Errored, results.Counts.Samples))
        {
            var why = request.FailOnError == ErrorThreshold.Default
                ? $"all {results.Counts.Samples} samples errored"
                : $"{results.Counts.Errored} of {results.Counts.Samples} samples errored, more than --fail-on-error {request.FailOnError} allows";
            _env.Error.WriteLine(ConsoleText.Safe($"run failed: {why}; the errors are in {RunFiles.Log} and the report"));
            return ExitCodes.Aborted;
        }

        if (results.Counts.Errored > 0)
        {
            _env.Error.WriteLine(ConsoleText.Safe($"warning: {results.Counts.Errored} of {results.Counts.Samples} samples errored and are left out of the metrics (see the report's errors section)"));
        }

        return ExitCodes.Ok;
    }

    private static RunLog? ReadResumedLog(string directory, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(directory, RunFiles.Log);
        if (!File.Exists(path))
        {
            diagnostics.Error("command line", 0, 0, "--resume", $"{DisplayPaths.For(directory)} holds no {RunFiles.Log} to resume");
            return null;
        }

        try
        {
            return RunLogReader.Read(path);
        }
        catch (InvalidInputException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
            return null;
        }
    }

    // A resumed run takes its shard from the log, so only a fresh run names the one it was given.
    private static string ShardLabel(RunRequest request, bool resume) => resume || request.Shard is not { } shard ? string.Empty
        : request.ShardOrigin is { } origin ? $" — shard {shard} ({origin})"
        : $" — shard {shard}";

    /// <summary>A resumed run continues as logged: suites, target and settings come from the log unless given again.</summary>
    private RunRequest ForResume(RunRequest request, LogHeader header)
    {
        var ignored = new List<string>();
        if (request.Limit is not null && request.Limit != header.Settings.Limit)
        {
            ignored.Add("--limit");
        }

        if (request.Epochs is not null && request.Epochs != header.Settings.EpochsOverride)
        {
            ignored.Add("--epochs");
        }

        if (request.Shard is not null && request.Shard.ToString() != header.Settings.Shard)
        {
            ignored.Add("--shard");
        }

        if (request.Generate.Temperature is not null || request.Generate.MaxTokens is not null || request.Generate.TopP is not null || (request.Seed is not null && request.Seed != header.Seed))
        {
            ignored.Add("generation settings");
        }

        if (ignored.Count > 0)
        {
            _env.Error.WriteLine($"warning: ignoring {string.Join(", ", ignored)}: a resumed run keeps the settings in its log");
        }

        var judge = header.Roles?.FirstOrDefault(r => r.Name == ModelRole.Judge);
        return request with
        {
            Judges = request.Judges.Specs.Count > 0 || judge is null ? request.Judges : request.Judges with
            {
                Specs = judge.Models.Select(m => m.Spec).ToList(),
                BaseUrl = request.Judges.BaseUrl ?? judge.Models.FirstOrDefault(m => m.Provider == "openai")?.BaseUrl,
                Vote = judge.Vote,
                MaxConnections = request.Judges.MaxConnections ?? judge.MaxConnections,
            },
            Suites = request.Suites.Count > 0 ? request.Suites : header.Suites.Select(s => s.Path).ToList(),
            Model = request.Model ?? header.Model.Spec,
            BaseUrl = request.BaseUrl ?? (header.Model.Provider == "openai" ? header.Model.BaseUrl : null),
            Seed = header.Seed,
            MaxConnections = request.MaxConnections ?? header.Settings.MaxConnections,
        };
    }

    // A broken, locked or unwritable cache must not stop an evaluation: the run goes on without it, warned once.
    private FailSoftResponseCache? OpenCache(RunRequest request, IEnumerable<ModelInfo> models) =>
        request.NoCache || !models.Any(m => m.Live)
            ? null
            : FailSoftResponseCache.Open(CacheLocation.Directory(request.CacheDirectory, _env.Variables), warning => _env.Error.WriteLine(ConsoleText.Safe("warning: " + warning)));

    private ModelSettings ModelSettings(RunRequest request) => new()
    {
        BaseUrl = request.BaseUrl,
        ApiKeyVariable = request.ApiKeyVariable,
        Environment = _env.Variables,
        Timeout = request.Timeout ?? Defaults.AttemptTimeout,
    };
}
