namespace EvalHarness.Evidence;

/// <summary>The run's gate verdict (<c>pass</c> or <c>fail</c>) and its policy; <see cref="PolicyEntry"/> is null when the policy file was not packed.</summary>
public sealed record ManifestGate(string Verdict, string PolicySha256, string? PolicyEntry);
