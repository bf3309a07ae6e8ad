namespace EvalHarness.Solvers;

/// <summary>The solver steps a suite may use, by name.</summary>
public sealed class SolverCatalog
{
    private readonly Dictionary<string, ISolverFactory> _factories;

    public SolverCatalog(IEnumerable<ISolverFactory> factories)
    {
        _factories = factories.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public static SolverCatalog BuiltIn { get; } = new(
    [
        SystemMessageSolver.Factory,
        PromptTemplateSolver.Factory,
        MultipleChoiceSolver.Factory,
        GenerateSolver.Factory,
        MultiTurnSolver.Factory,
    ]);

    public IEnumerable<ISolverFactory> All => _factories.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _factories.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string name, out ISolverFactory factory) => _factories.TryGetValue(name, out factory!);
}
