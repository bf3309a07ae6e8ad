using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Extensions;
using EvalHarness.Solvers;

namespace EvalHarness.Loading;

/// <summary>Reads a suite's <c>solver</c> list into configured steps.</summary>
internal sealed class SolverReader
{
    private readonly NamedCatalog<ISolverFactory> _solvers;

    public SolverReader(NamedCatalog<ISolverFactory> solvers)
    {
        _solvers = solvers;
    }

    public List<SolverStep> Read(ConfigSection root)
    {
        var steps = new List<SolverStep>();
        var array = root.GetArray("solver");
        if (array is null)
        {
            if (root.Has("solver"))
            {
                return steps;
            }

            return [new SolverStep("generate", new JsonObject(), new GenerateSolver(null))];
        }

        for (var i = 0; i < array.Count; i++)
        {
            var path = ConfigPath.Index(root.FieldPath("solver"), i);
            if (ReadStep(root, array[i], path) is { } step)
            {
                steps.Add(step);
            }
        }

        if (!steps.Exists(s => s.Name is "generate" or MultiTurnSolver.Name))
        {
            // A chain without a generate step would never ask the model; the answer is always wanted last.
            steps.Add(new SolverStep("generate", new JsonObject(), new GenerateSolver(null)));
        }

        return steps;
    }

    private SolverStep? ReadStep(ConfigSection root, JsonNode? node, string path)
    {
        string? stepName = null;
        JsonNode? value = null;
        if (node is JsonValue scalar && scalar.TryGetValue<string>(out var bare))
        {
            stepName = bare;
        }
        else if (node is JsonObject { Count: 1 } single)
        {
            (stepName, value) = (single.First().Key, single.First().Value);
        }

        var at = root.ChildSection(new JsonObject(), path);
        if (stepName is null)
        {
            at.Error(null, $"each solver step is a name, or one name with its options (for example '- prompt_template: \"{{prompt}}\"'); known steps: {string.Join(", ", _solvers.Names)}");
            return null;
        }

        if (!_solvers.TryGet(stepName, out var factory))
        {
            var suggestion = Suggest.Closest(stepName, _solvers.Names);
            at.Error(null, $"unknown solver step '{stepName}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; known steps: {string.Join(", ", _solvers.Names)}");
            return null;
        }

        var optionsPath = ConfigPath.Child(path, stepName);
        JsonObject options;
        switch (value)
        {
            case null:
                options = new JsonObject();
                break;
            case JsonObject obj:
                options = obj;
                break;
            case JsonValue when factory.ScalarOption is { } key:
                options = new JsonObject { [key] = value.DeepClone() };
                optionsPath = ConfigPath.Child(path, stepName);
                break;
            default:
                at.Error(null, $"'{stepName}' takes a mapping of options");
                return null;
        }

        var section = root.ChildSection(options, optionsPath);
        var solver = factory.Create(section);
        section.ReportUnknownKeys();
        return new SolverStep(stepName, (JsonObject)options.DeepClone(), solver);
    }
}
