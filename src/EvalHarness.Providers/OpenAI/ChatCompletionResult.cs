using Microsoft.Extensions.AI;

namespace EvalHarness.Providers.OpenAI;

/// <summary>What the harness keeps of a chat completion: the first choice's answer and the response's metadata.</summary>
internal readonly record struct ChatCompletionResult(string Text, ChatFinishReason FinishReason, UsageDetails? Usage, string? Model, string? Id);
