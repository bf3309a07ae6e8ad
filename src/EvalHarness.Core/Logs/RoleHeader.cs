using EvalHarness.Models;
using EvalHarness.Suites;

namespace EvalHarness.Logs;

/// <summary>A role other than the model under evaluation (a judge or a panel of them), as the run bound it.</summary>
/// <param name="Name">The role (<c>judge</c>).</param>
/// <param name="Models">The models bound to it, without credentials.</param>
/// <param name="Vote">How the answers of several models were combined.</param>
/// <param name="Settings">Sent with every call (temperature 0, the run's seed).</param>
/// <param name="MaxConnections">A fixed limit on the role's requests in flight, or null for adaptive.</param>
public sealed record RoleHeader(string Name, IReadOnlyList<ModelInfo> Models, string Vote, GenerationSettings Settings, int? MaxConnections = null);
