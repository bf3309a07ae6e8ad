using System.Globalization;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Scoring;
using EvalHarness.Suites;

namespace EvalHarness.Engine;

/// <summary>
/// Scores the answers a run recorded again, with new or changed scorers or a judge, without calling the model
/// under evaluation. The result is a new run in memory: the caller writes it only once it is complete, so an
/// interrupted re-scoring leaves nothing behind.
/// </summary>
public sealed class RunRescorer
{
    private readonly TimeProvider _time;

    public RunRescorer(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <param name="original">The recorded run.</param>
    /// <param name="logSha256">SHA-256 of the recorded run's log as read, for the new header's <c>scored_from</c>.</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> ends it first.</exception>
    public async Task<RescoreOutcome> RescoreAsync(RunLog original, string logSha256, RescoreOptions options, IRunObserver observer, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        using var watch = new ProgressWatch(options.StallTimeout ?? ProgressWatch.DefaultLimit(options.Resilience), options.Resilience.AttemptTimeout, _time);
        var models = new ModelPipeline(options.Resilience, options.Cache, options.CacheExpiry, options.Adaptive, _time, watch);
        var limits = new List<LimitRecord>();
        foreach (var (role, controller) in models.BindRoles(options.Roles, options.Bindings))
        {
            controller.Changed += change =>
            {
                lock (limits)
                {
                    limits.Add(new LimitRecord { At = change.At, Previous = change.Previous, Limit = change.Limit, Reason = change.Reason, RetryAfterSeconds = change.RetryAfter?.TotalSeconds, Role = role.Name });
                }
            };
            controller.AnnounceStart();
        }

        var judgeBound = options.Roles.Any(r => r.Name == ModelRole.Judge && r.IsBound);
        var sameJudges = RescorePlan.SameJudges(original.Header.Roles, options.Roles);
        var plans = original.Header.Suites
            .Where(s => options.Scorers.ContainsKey(s.Name))
            .ToDictionary(s => s.Name, s => new RescorePlan(s, options.Scorers[s.Name], judgeBound, sameJudges, options.Rejudge), StringComparer.Ordinal);
        var tally = new RescoreTally();
        var records = new SampleRecord[original.Samples.Count];
        string? stalled = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        watch.Start(_ =>
        {
            Interlocked.CompareExchange(ref stalled, string.Create(CultureInfo.InvariantCulture, $"no judge call and no sample finished for {(options.StallTimeout ?? ProgressWatch.DefaultLimit(options.Resilience)).TotalSeconds:0} s"), null);
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Re-scoring ended while the watch was deciding: nothing left to stop.
            }
        });

        observer.Started(original.Samples.Count(Rescorable), 0);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentSamples, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, records.Length), parallel, async (i, token) =>
            {
                var record = original.Samples[i];
                if (!Rescorable(record) || !plans.TryGetValue(record.Suite, out var plan))
                {
                    tally.Copied();
                    records[i] = record;
                    return;
                }

                watch.SampleStarted();
                try
                {
                    records[i] = await RescoreAsync(record, plan, judgeBound, tally, token).ConfigureAwait(false);
                }
                finally
                {
                    watch.SampleEnded();
                }

                tally.Rescored();
                observer.Completed(records[i]);
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref stalled) is not null && !cancellationToken.IsCancellationRequested)
        {
            observer.Finished(RunStatus.Aborted);
            return tally.ToOutcome(null, stalled);
        }

        observer.Finished(RunStatus.Completed);
        var header = original.Header with
        {
            RunId = options.RunId ?? RunPlanner.NewRunId(started),
            Harness = HarnessInfo.Current,
            Started = started,
            Roles = options.Roles.Count == 0
                ? original.Header.Roles
                : options.Roles.Select(r => new RoleHeader(r.Name, r.Models.Select(m => m.Info).ToList(), r.Vote, r.Settings, r.MaxConnections)).ToList(),
            ScoredFrom = new ScoredFrom(original.Header.RunId, logSha256),
            Suites = original.Header.Suites
                .Select(s => plans.TryGetValue(s.Name, out var plan) ? s with { Scorers = plan.Scorers.Select(ScorerHeader.For).ToList() } : s)
                .ToList(),
        };
        var log = new RunLog
        {
            Header = header,
            Samples = records,
            Footer = original.Footer is { } footer ? footer with { Ended = _time.GetUtcNow() } : null,
            Limits = [.. limits.OrderBy(l => l.At)],
        };
        return tally.ToOutcome(log, null);
    }

    /// <summary>
    /// The samples a scorer with <paramref name="scorerId"/> scores when re-scoring <paramref name="run"/>: in each
    /// suite, those the run's scorer with that id scored, or every answered sample when the suite had none.
    /// </summary>
    public static IEnumerable<(string Suite, Sample Sample)> SamplesFor(RunLog run, string scorerId)
    {
        var hadId = run.Header.Suites.ToDictionary(s => s.Name, s => s.Scorers.Any(c => c.Id == scorerId), StringComparer.Ordinal);
        return run.Samples
            .Where(r => Rescorable(r) && hadId.TryGetValue(r.Suite, out var had) && (!had || r.Scores?.ContainsKey(scorerId) == true))
            .Select(r => (r.Suite, SampleOf(r)));
    }

    /// <summary>The sample as the log recorded it; its input is what the model was sent for the answer.</summary>
    private static Sample SampleOf(SampleRecord record) =>
        new() { Id = record.Id, Input = record.Input, Targets = record.Targets, Choices = record.Choices, Metadata = record.Metadata };

    /// <summary>A record the model answered; one it failed on has nothing to score and stays as it was.</summary>
    private static bool Rescorable(SampleRecord record) => !record.IsError && record.Output is not null;

    private static async Task<SampleRecord> RescoreAsync(SampleRecord record, RescorePlan plan, bool judgeBound, RescoreTally tally, CancellationToken cancellationToken)
    {
        var input = new ScoreInput(SampleOf(record), record.Epoch, record.Output!, [.. record.Input, new PromptMessage(MessageRoles.Assistant, record.Output!)]) { Suite = record.Suite };
        var scores = new Dictionary<string, Score>(StringComparer.Ordinal);
        foreach (var scorer in plan.Scorers.Where(s => plan.Applies(s, record)))
        {
            var recorded = record.Scores?.GetValueOrDefault(scorer.Id);
            if (plan.Keeps(scorer, recorded))
            {
                scores[scorer.Id] = recorded!;
                tally.Kept(recorded!);
                continue;
            }

            var score = await SampleExecutor.ScoreOneAsync(scorer.Scorer, input with { ScorerId = scorer.Id }, cancellationToken).ConfigureAwait(false);
            scores[scorer.Id] = score;
            if (RescorePlan.IsJudge(scorer))
            {
                tally.Judged(score, judgeBound);
            }
        }

        return record with { Scores = scores };
    }
}
