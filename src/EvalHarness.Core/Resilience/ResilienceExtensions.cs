using EvalHarness.Engine.Concurrency;
using EvalHarness.Models;

namespace EvalHarness.Resilience;

public static class ResilienceExtensions
{
    /// <summary>Wraps a target with retries, per-attempt timeouts and concurrency feedback.</summary>
    public static IModel WithResilience(this IModel target, ResilienceOptions options, IConcurrencyController? controller = null, TimeProvider? time = null) =>
        new ResilientModel(target, options, controller, time ?? TimeProvider.System);
}
