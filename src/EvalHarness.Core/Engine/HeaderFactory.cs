using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Models;

namespace EvalHarness.Engine;

/// <summary>Describes a planned run in the log header, from the loaded suites and options.</summary>
internal static class HeaderFactory
{
    public static LogHeader Create(string runId, DateTimeOffset started, ModelInfo target, IReadOnlyList<PlannedSuite> suites, RunOptions options) => new()
    {
        RunId = runId,
        Harness = HarnessInfo.Current,
        Started = started,
        Model = target,
        Seed = options.Seed,
        Confidence = options.Confidence,
        Settings = new RunSettings
        {
            MaxConnections = options.MaxConnections,
            Limit = options.Limit,
            EpochsOverride = options.Epochs,
            Shard = options.Shard?.ToString(),
            MaxRetries = target.Live ? options.Resilience.MaxRetries : null,
            TimeoutSeconds = target.Live ? options.Resilience.AttemptTimeout.TotalSeconds : null,
            Cache = options.Cache is not null && target.Live,
        },
        Roles = options.Roles.Count == 0 ? null : options.Roles.Select(r => new RoleHeader(r.Name, r.Models.Select(m => m.Info).ToList(), r.Vote, r.Settings, r.MaxConnections)).ToList(),
        Suites = suites.Select(s => new SuiteHeader
        {
            Name = s.Suite.Name,
            Version = s.Suite.Version,
            Description = s.Suite.Description,
            Language = s.Suite.Language,
            Path = s.Suite.Path,
            Files = s.Suite.Files,
            Samples = s.Samples.Count,
            Epochs = s.Epochs,
            Generate = s.Generate,
            Solver = s.Suite.Solver.Select(step => new StepHeader(step.Name, step.Options)).ToList(),
            Scorers = s.Suite.Scorers.Select(ScorerHeader.For).ToList(),
            GroupBy = s.Suite.GroupBy,
        }).ToList(),
    };
}
