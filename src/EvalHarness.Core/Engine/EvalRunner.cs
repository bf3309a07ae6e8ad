using EvalHarness.Engine.Concurrency;
using EvalHarness.Logs;
using EvalHarness.Extensions;
using EvalHarness.Suites;
using EvalHarness.Results;
using EvalHarness.Models;

namespace EvalHarness.Engine;

/// <summary>
/// Runs suites against a target: writes the log as samples finish, then derives results from it.
/// The log is the product; results and reports are views of it, and a run can be resumed from it.
/// </summary>
public sealed class EvalRunner
{
    private readonly TimeProvider _time;
    private readonly EvalCatalog _catalog;

    public EvalRunner(EvalCatalog catalog, TimeProvider? time = null)
    {
        _catalog = catalog;
        _time = time ?? TimeProvider.System;
    }

    public Task<RunOutcome> RunAsync(IModel target, IReadOnlyList<Suite> suites, RunOptions options, IRunObserver observer, CancellationToken cancellationToken) =>
        RunAsync(target, suites, options, observer, RunSignals.From(cancellationToken));

    /// <summary>Plans (or resumes), executes and summarises a run. Resume refusals throw <see cref="Validation.InvalidInputException"/> before anything is written.</summary>
    public async Task<RunOutcome> RunAsync(IModel target, IReadOnlyList<Suite> suites, RunOptions options, IRunObserver observer, RunSignals signals) =>
        Summarise(await ExecuteAsync(target, suites, options, observer, signals).ConfigureAwait(false));

    /// <summary>
    /// Derives the results of an executed run from its log and writes results.json (not for a run that was already
    /// complete). Apart from <see cref="ExecuteAsync"/> so that a caller can let its suites go first: a million
    /// samples' prompts are not needed to summarise the run, whose log holds everything.
    /// </summary>
    public RunOutcome Summarise(ExecutedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var builder = new ResultsBuilder(_catalog);
        var results = builder.Build(run.Log);
        builder.Forget(run.Log);
        if (!run.AlreadyComplete)
        {
            ResultsFile.Write(Path.Combine(run.Directory, RunFiles.Results), results);
        }

        return new RunOutcome(run.Log, results, run.Directory) { AlreadyComplete = run.AlreadyComplete };
    }

    /// <summary>Plans (or resumes) and executes a run: the log is written, results are not derived yet (<see cref="Summarise"/>).</summary>
    public async Task<ExecutedRun> ExecuteAsync(IModel target, IReadOnlyList<Suite> suites, RunOptions options, IRunObserver observer, RunSignals signals)
    {
        var logPath = Path.Combine(options.OutputDirectory, RunFiles.Log);
        var plan = options.Resume
            ? RunPlanner.Resume(RunLogReader.Read(logPath), logPath, target.Info, suites, options.Roles)
            : RunPlanner.New(target.Info, suites, options, _time.GetUtcNow());

        // Appending a resume record and a second footer to a finished log would make it look interrupted and
        // resumed, and rewriting results.json would change a file others may already have copied.
        if (plan.Existing is { Footer.Status: RunStatus.Completed } finished && plan.Remaining.Count == 0)
        {
            return new ExecutedRun(finished, options.OutputDirectory) { AlreadyComplete = true };
        }

        using var watch = new ProgressWatch(options.StallTimeout ?? ProgressWatch.DefaultLimit(options.Resilience), options.Resilience.AttemptTimeout, _time);
        var models = ModelPipeline.For(options, _time, watch, (plan.Existing?.Header ?? plan.Header).RunId);
        var controller = models.CreateController(options.MaxConnections);
        var pipeline = models.Wrap(target, controller);
        var roles = models.BindRoles(options.Roles, options.Bindings);

        Directory.CreateDirectory(options.OutputDirectory);
        var limits = new List<LimitRecord>(plan.Existing?.Limits ?? []);
        var resume = plan.Existing is null ? null : new ResumeRecord { At = _time.GetUtcNow(), Harness = Infrastructure.HarnessInfo.Current, Remaining = plan.Remaining.Count };
        LogFooter footer;
        SampleCollector written;
        using (var log = plan.Existing is { } existing ? RunLogWriter.Continue(logPath, existing.ValidLength) : RunLogWriter.Create(logPath))
        {
            log.Write(resume is null ? plan.Header : resume);

            void Record(IConcurrencyController source, string? role) => source.Changed += change =>
            {
                var record = new LimitRecord { At = change.At, Previous = change.Previous, Limit = change.Limit, Reason = change.Reason, RetryAfterSeconds = change.RetryAfter?.TotalSeconds, Role = role };
                log.Write(record);
                lock (limits)
                {
                    limits.Add(record);
                }
            };

            Record(controller, null);
            controller.AnnounceStart();
            foreach (var (role, roleController) in roles)
            {
                Record(roleController, role.Name);
                roleController.AnnounceStart();
            }

            observer.Started(plan.PlannedItems, plan.PlannedItems - plan.Remaining.Count);
            var session = new RunSession(new SampleExecutor(new ModelGenerator(pipeline, _time), _time), controller, log, observer, options, plan.Remaining.Count, _time, watch);
            var (status, reason) = await session.ExecuteAsync(plan.Remaining, signals).ConfigureAwait(false);

            // The work items reach every sample; the list is emptied so that nothing left holding it (the finished
            // session's state, say) keeps a million prompts alive through the results and reports.
            (plan.Remaining as List<WorkItem>)?.Clear();
            footer = new LogFooter { Ended = _time.GetUtcNow(), Status = status, Reason = reason, Planned = plan.PlannedItems, Completed = session.Completed, Errored = session.Errored };
            log.Write(footer);
            written = session.Written;
        }

        observer.Finished(footer.Status);

        var samples = Samples(plan.Existing, written, logPath, options.LogBytesInMemory);
        var runLog = new RunLog
        {
            Header = plan.Header,
            Samples = samples,
            Footer = footer,
            Limits = limits,
            Resumes = resume is null ? [] : [.. plan.Existing!.Resumes, resume],

            // A new run's records in memory are the session's, in the order their lines were noted.
            Written = plan.Existing is null && samples is not LoggedSamples ? (logPath, written.Lines) : null,
        };
        return new ExecutedRun(runLog, options.OutputDirectory);
    }

    public static string NewRunId(DateTimeOffset started) => RunPlanner.NewRunId(started);

    /// <summary>
    /// The run's sample records as the log on disk holds them: from memory when they fit (reading them back would
    /// cost a small run more than the requests did), else read back from the log as results and reports go.
    /// </summary>
    private static IReadOnlyList<SampleRecord> Samples(RunLog? existing, SampleCollector written, string logPath, long budget)
    {
        if (written.InMemory is { } records)
        {
            if (existing is null)
            {
                return records;
            }

            if (existing.Samples is List<SampleRecord> earlier && existing.ValidLength + written.Bytes <= budget)
            {
                return [.. earlier, .. records];
            }
        }

        return existing is null ? new LoggedSamples(logPath, written.Lines) : RunLogReader.Read(logPath, inMemory: false).Samples;
    }
}
