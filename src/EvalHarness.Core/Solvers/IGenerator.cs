using EvalHarness.Suites;

namespace EvalHarness.Solvers;

/// <summary>What a solver calls to get an answer for the current conversation.</summary>
public interface IGenerator
{
    /// <summary>Sends <see cref="TaskState.Messages"/> to the target and appends its answer.</summary>
    Task GenerateAsync(TaskState state, GenerationSettings? stepSettings, CancellationToken cancellationToken);
}
