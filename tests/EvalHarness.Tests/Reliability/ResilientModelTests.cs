using EvalHarness.Models;
using EvalHarness.Resilience;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

/// <summary>
/// The retry layer runs a request's first attempt outside its retry pipeline and hands a failure worth retrying
/// to the pipeline as its first outcome: the model must not be asked twice for one attempt, the failure must be
/// recorded as attempt 1, and the first attempt must keep the pipeline's timeout and cancellation rules.
/// </summary>
public sealed class ResilientModelTests
{
    private static readonly GenerationRequest Request = new("s", "a", 1, [new PromptMessage("user", "q")], GenerationSettings.Empty);

    [Test]
    public async Task A_first_attempt_that_failed_is_retried_once_and_recorded_as_attempt_one()
    {
        var target = new ScriptedAttemptsModel((n, _) => n == 1
            ? Task.FromException<Generation>(new ModelException("HTTP 500: server error", ModelErrorKind.Transient, 500))
            : Task.FromResult(new Generation("42", "stop")));
        var model = target.WithResilience(new ResilienceOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) });

        var generation = await model.GenerateAsync(Request, CancellationToken.None);

        Assert.That(generation.Text, Is.EqualTo("42"));
        Assert.That(target.Calls, Is.EqualTo(2), "the failed first attempt is handed over, not asked again");
        Assert.That(generation.Attempts, Is.EqualTo(2));
        var failed = generation.Retries!.Single();
        Assert.That((failed.Attempt, failed.Status, failed.Error), Is.EqualTo((1, (int?)500, "HTTP 500: server error")));
    }

    [Test]
    public async Task Retries_that_run_out_count_every_attempt_and_keep_the_last_error()
    {
        var target = new ScriptedAttemptsModel((n, _) =>
            Task.FromException<Generation>(new ModelException($"HTTP 503: overloaded ({n})", ModelErrorKind.Transient, 503)));
        var model = target.WithResilience(new ResilienceOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) });

        var ex = await Assert.ThrowsAsync<ModelException>(() => model.GenerateAsync(Request, CancellationToken.None))!;

        Assert.That(target.Calls, Is.EqualTo(3));
        Assert.That(ex!.Attempts, Is.EqualTo(3));
        Assert.That(ex.Message, Does.Contain("(3)"));
        Assert.That(ex.Retries!.Select(r => r.Attempt), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task Without_retries_a_first_attempt_out_of_time_fails_with_the_timeout_it_ran_out_of()
    {
        var time = new ManualTime();
        var target = new ScriptedAttemptsModel(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            return new Generation("never", "stop");
        });
        var model = target.WithResilience(new ResilienceOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(3) }, time: time);

        var pending = model.GenerateAsync(Request, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(pending.IsCompleted, Is.False, "two seconds of a three-second timeout");
        time.Advance(TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<ModelException>(async () => await pending.ConfigureAwait(false))!;
        Assert.That(ex!.Message, Is.EqualTo("no answer within 3 s (per-attempt --timeout)"));
        Assert.That((ex.Kind, ex.Attempts, target.Calls), Is.EqualTo((ModelErrorKind.Transient, 1, 1)));
    }

    [Test]
    public async Task Cancelling_the_caller_during_the_first_attempt_is_a_cancellation_not_a_timeout_to_retry()
    {
        var time = new ManualTime();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var target = new ScriptedAttemptsModel(async (_, token) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            return new Generation("never", "stop");
        });
        var model = target.WithResilience(new ResilienceOptions { MaxRetries = 3, AttemptTimeout = TimeSpan.FromSeconds(3) }, time: time);
        using var caller = new CancellationTokenSource();

        var pending = model.GenerateAsync(Request, caller.Token);
        await started.Task.ConfigureAwait(false);
        await caller.CancelAsync().ConfigureAwait(false);

        Assert.That(async () => await pending.ConfigureAwait(false), Throws.InstanceOf<OperationCanceledException>());
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(target.Calls, Is.EqualTo(1), "a cancelled request is not retried");
    }
}
