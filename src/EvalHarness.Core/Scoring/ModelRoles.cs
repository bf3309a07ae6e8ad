namespace EvalHarness.Scoring;

/// <summary>Roles bound once the run's models exist; until then, and for roles never bound, <see cref="Resolve"/> answers unbound.</summary>
public sealed class ModelRoles : IModelRoles
{
    private readonly Dictionary<string, ModelRole> _bound = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Binds nothing, ever: for validation and for runs that use no role.</summary>
    public static IModelRoles None { get; } = new ModelRoles();

    public void Bind(ModelRole role)
    {
        lock (_lock)
        {
            _bound[role.Name] = role;
        }
    }

    public ModelRole Resolve(string role)
    {
        lock (_lock)
        {
            return _bound.GetValueOrDefault(role) ?? ModelRole.Unbound(role);
        }
    }
}
