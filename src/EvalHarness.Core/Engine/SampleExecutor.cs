using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Solvers;
using EvalHarness.Models;

namespace EvalHarness.Engine;

/// <summary>
/// Runs one work item: the solver chain, then every applicable scorer. Failures become data in the
/// record; only cancellation escapes, so an interrupted item is simply missing from the log.
/// </summary>
internal sealed class SampleExecutor
{
    private readonly IGenerator _generator;
    private readonly TimeProvider _time;
    public SampleExecutor(IGenerator generator, TimeProvider time)
    {
        _generator = generator;
        _time = time;
    }

    /// <param name="slot">The model's concurrency slot this item holds: released once the model has answered, so scoring (a judge) never holds it.</param>
    public async Task<SampleRecord> RunAsync(WorkItem item, CancellationToken cancellationToken, IDisposable? slot = null)
    {
        var (suite, sample, epoch, settings) = item;
        var started = _time.GetUtcNow();
        var state = new TaskState(suite.Name, sample, epoch, settings);
        SampleError? error = null;
        try
        {
            foreach (var step in suite.Solver)
            {
                await step.Solver.SolveAsync(state, _generator, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ModelException ex)
        {
            error = new SampleError(ex.Kind == ModelErrorKind.Transient ? "transient" : "permanent", ex.Message, ex.StatusCode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = new SampleError("solver", $"{ex.GetType().Name}: {ex.Message}");
        }

        if (error is null && state.Output is null)
        {
            error = new SampleError("solver", "the solver chain finished without asking the model");
        }

        slot?.Dispose();
        var scores = error is null ? await ScoreAsync(suite, state, cancellationToken).ConfigureAwait(false) : null;
        return new SampleRecord
        {
            Suite = suite.Name,
            Id = sample.Id,
            Epoch = epoch,
            Input = state.LastRequest.Count > 0 ? state.LastRequest : state.Messages.ToArray(),
            Output = state.Output?.Text,
            Turns = state.Turns.Count == 0 ? null : state.Turns,
            Targets = sample.Targets,
            Choices = sample.Choices,
            Metadata = sample.Metadata,
            Scores = scores,
            Usage = state.Usage,
            LatencyMs = state.Output is null ? null : Math.Round(state.Latency.TotalMilliseconds, 3),
            Attempts = state.Attempts,
            Cached = state.Output?.Cached ?? false,
            CachedFrom = state.Output?.CachedFrom,
            Retries = state.Retries.Count == 0 ? null : state.Retries,
            FinishReason = state.Output?.FinishReason,
            Model = state.Output?.Model,
            Error = error,
            Started = started,
            Completed = _time.GetUtcNow(),
        };
    }

    private static async Task<Dictionary<string, Score>> ScoreAsync(Suite suite, TaskState state, CancellationToken cancellationToken)
    {
        var input = new ScoreInput(state.Sample, state.Epoch, state.Output!.Text, state.Messages) { Suite = suite.Name };
        var scores = new Dictionary<string, Score>(StringComparer.Ordinal);
        foreach (var scorer in suite.ScorersFor(state.Sample))
        {
            scores[scorer.Id] = await ScoreOneAsync(scorer.Scorer, input with { ScorerId = scorer.Id }, cancellationToken).ConfigureAwait(false);
        }

        return scores;
    }

    /// <summary>One failing scorer must not cost the sample its other scores.</summary>
    internal static async Task<Score> ScoreOneAsync(IScorer scorer, ScoreInput input, CancellationToken cancellationToken)
    {
        try
        {
            // A scorer that ignores cancellation must not keep an aborted run from ending.
            return await scorer.ScoreAsync(input, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Score.Failed($"scorer failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
