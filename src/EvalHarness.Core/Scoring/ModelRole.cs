using EvalHarness.Models;
using EvalHarness.Suites;

namespace EvalHarness.Scoring;

/// <summary>
/// The models a run binds to one role other than the model under evaluation (a judge, or a panel of
/// judges), how a scorer combines their answers, and the settings every call uses.
/// </summary>
public sealed record ModelRole(string Name, IReadOnlyList<IModel> Models)
{
    public const string Judge = "judge";

    /// <summary>How the answers of several models are combined (<c>majority</c>, <c>mean</c>, <c>all</c>).</summary>
    public string Vote { get; init; } = "majority";

    /// <summary>Sent with every call; judges answer at temperature 0 with the run's seed, so a rerun asks the same.</summary>
    public GenerationSettings Settings { get; init; } = new() { Temperature = 0 };

    /// <summary>A fixed limit on this role's requests in flight; null adapts to the endpoint as the model's own limit does.</summary>
    public int? MaxConnections { get; init; }

    public bool IsBound => Models.Count > 0;

    public static ModelRole Unbound(string name) => new(name, []);
}
