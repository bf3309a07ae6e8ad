using EvalHarness.Cli;
using EvalHarness.Configuration;
using EvalHarness.Extensions;
using EvalHarness.Scoring;

namespace EvalHarness.Tests.Support;

/// <summary>Scorers created as a suite would create them, with the CLI's catalogue.</summary>
internal static class TestScorers
{
    public static IScorer Create(this IScorerFactory factory, ConfigSection options) =>
        factory.Create(new ScorerContext { Options = options, Tokenizers = Composition.Catalog.Tokenizers });

    /// <summary>The registered scorer factory named <paramref name="name"/>.</summary>
    public static IScorerFactory Factory(string name) =>
        Composition.Catalog.Scorers.TryGet(name, out var factory) ? factory : throw new ArgumentException($"no scorer '{name}'", nameof(name));

    /// <summary>The factories one pack registers, in registration order.</summary>
    public static IReadOnlyList<IScorerFactory> Of(IEvalPack pack) =>
        Composition.Catalog.Scorers.InOrder.Where(f => Composition.Catalog.Scorers.PackOf(f.Name) == pack.Name).ToList();
}
