namespace EvalHarness.Models;

/// <summary>
/// Something that answers prompts: a live endpoint, recorded responses or a script. Implementations
/// throw <see cref="ModelException"/> for failures the engine should record and classify.
/// </summary>
public interface IModel : IAsyncDisposable
{
    ModelInfo Info { get; }

    Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken);
}
