using EvalHarness.Cli;
using EvalHarness.Models;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Support;

/// <summary>Models made the way the CLI makes them: through the catalogue of model kinds.</summary>
internal static class TestModels
{
    public static IModel Create(string spec, ModelSettings settings, IReadOnlyList<Suite> suites, DiagnosticBag? warnings = null) =>
        Composition.Catalog.Models.Create(spec, new ModelRequest { Settings = settings, Suites = suites, Warnings = warnings });
}
