using EvalHarness.Engine;

namespace EvalHarness.Cli.Commands;

/// <summary>The shard a run takes and, for <c>--shard auto</c>, the variables it came from (shown in the run's header line).</summary>
internal sealed record ShardChoice(ShardSpec Spec, string? Origin);
