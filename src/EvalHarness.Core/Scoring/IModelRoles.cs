using EvalHarness.Models;

namespace EvalHarness.Scoring;

/// <summary>
/// The models a run binds to roles other than the one under evaluation (<c>judge</c>), already wrapped
/// in retries, timeouts, the response cache and a concurrency limit of their own. Scorers are created
/// when suites load, before the command line's models exist, so they ask at scoring time.
/// </summary>
public interface IModelRoles
{
    /// <summary>The models bound to <paramref name="role"/> (several for a panel), empty when none is.</summary>
    IReadOnlyList<IModel> Resolve(string role);
}
