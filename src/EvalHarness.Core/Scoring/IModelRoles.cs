namespace EvalHarness.Scoring;

/// <summary>
/// The models a run binds to roles other than the one under evaluation (<c>judge</c>), already wrapped
/// in retries, timeouts, the response cache and a concurrency limit of their own. Scorers are created
/// when suites load, before the command line's models exist, so they ask at scoring time.
/// </summary>
public interface IModelRoles
{
    /// <summary>The role's binding; <see cref="ModelRole.IsBound"/> is false when the run has no model for it.</summary>
    ModelRole Resolve(string role);
}
