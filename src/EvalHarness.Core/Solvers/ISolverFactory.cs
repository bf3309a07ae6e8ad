using EvalHarness.Configuration;
using EvalHarness.Extensions;

namespace EvalHarness.Solvers;

/// <summary>Creates a solver step from its suite-file options.</summary>
public interface ISolverFactory : IExtension
{
    /// <summary>The option a bare scalar stands for (<c>- system_message: "text"</c> means <c>template: "text"</c>), if any.</summary>
    string? ScalarOption { get; }

    ISolver Create(ConfigSection options);
}
