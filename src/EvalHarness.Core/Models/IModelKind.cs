using EvalHarness.Extensions;

namespace EvalHarness.Models;

/// <summary>
/// A kind of model the command line can name (<c>openai</c>, <c>replay</c>, <c>demo</c>, <c>mock</c>):
/// <see cref="IExtension.Name"/> is the kind as written before <c>/</c> or <c>:</c>. An unusable spec or
/// setting is an <see cref="Validation.InvalidInputException"/> (exit code 2) that names the option.
/// </summary>
public interface IModelKind : IExtension
{
    /// <summary>How the kind is written, for <c>evalh list models</c> and help.</summary>
    IReadOnlyList<ModelForm> Forms { get; }

    /// <summary>The environment variable this kind reads its key from by default, if it uses one; a spec holding that key is refused.</summary>
    string? KeyVariable => null;

    IModel Create(ModelSpec spec, ModelRequest request);
}
