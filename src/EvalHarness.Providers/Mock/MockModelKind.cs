using EvalHarness.Models;
using EvalHarness.Validation;

namespace EvalHarness.Providers.Mock;

/// <summary><c>mock</c>: echoes the prompt, for trying suites and pipelines without a model.</summary>
internal sealed class MockModelKind : IModelKind
{
    public static MockModelKind Default { get; } = new();

    public string Name => "mock";

    public string Description => "an echo, for trying suites";

    public IReadOnlyList<ModelForm> Forms { get; } =
    [
        new("mock", "echoes the prompt back; for trying suites and pipelines without a model"),
    ];

    public IModel Create(ModelSpec spec, ModelRequest request) => spec.Argument is null
        ? MockModel.Echo()
        : throw new InvalidInputException(new Diagnostic("command line", 0, 0, request.Option, $"'{spec.Text}' is not a model; 'mock' takes no argument"));
}
