using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Solvers;

/// <summary>One step of a suite's solver chain: edits the conversation or asks the target.</summary>
public interface ISolver
{
    Task SolveAsync(TaskState state, IGenerator generator, CancellationToken cancellationToken);

    /// <summary>Checked once per sample at load time; a message here is a validation error for that sample.</summary>
    SampleProblem? CheckSample(Sample sample) => null;
}
