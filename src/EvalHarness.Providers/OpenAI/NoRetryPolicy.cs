using System.ClientModel.Primitives;

namespace EvalHarness.Providers.OpenAI;

/// <summary>
/// Sends each request once and passes on what comes back, as <c>ClientRetryPolicy(maxRetries: 0)</c> does
/// (a single failure is rethrown as it was), without that policy's per-request state machines and timing:
/// the engine owns retrying, and the SDK's retry slot costs CPU on every request even when it never retries.
/// </summary>
internal sealed class NoRetryPolicy : PipelinePolicy
{
    public static NoRetryPolicy Instance { get; } = new();

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNext(message, pipeline, currentIndex);

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNextAsync(message, pipeline, currentIndex);
}
