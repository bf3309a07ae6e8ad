namespace EvalHarness.Suites;

/// <summary>One chat message. Roles are "system", "user" and "assistant" (see <see cref="MessageRoles"/>).</summary>
public sealed record PromptMessage(string Role, string Content);
