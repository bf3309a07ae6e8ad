namespace EvalHarness.Providers.OpenAI;

/// <summary>A response body that is not a chat completion; the message names the field at fault, never the body's content.</summary>
internal sealed class InvalidCompletionException(string reason) : Exception(reason);
