using EvalHarness.Models;

namespace EvalHarness.Scoring;

/// <summary>Roles bound once the run's models exist; until then, and for roles never bound, <see cref="Resolve"/> is empty.</summary>
public sealed class ModelRoles : IModelRoles
{
    private readonly Dictionary<string, IReadOnlyList<IModel>> _bound = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Binds nothing, ever: for validation and for runs that use no role.</summary>
    public static IModelRoles None { get; } = new ModelRoles();

    public const string Judge = "judge";

    public void Bind(string role, IReadOnlyList<IModel> models)
    {
        lock (_lock)
        {
            _bound[role] = models;
        }
    }

    public IReadOnlyList<IModel> Resolve(string role)
    {
        lock (_lock)
        {
            return _bound.GetValueOrDefault(role) ?? [];
        }
    }
}
