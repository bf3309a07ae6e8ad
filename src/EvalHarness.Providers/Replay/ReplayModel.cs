using EvalHarness.Models;
using EvalHarness.Validation;

namespace EvalHarness.Providers.Replay;

/// <summary>
/// Answers from recorded responses without calling any model. A sample with no recording is an error
/// for that sample (never silently skipped), so a partial recording cannot pass for a full run.
/// </summary>
public sealed class ReplayModel : IModel
{
    private readonly Dictionary<(string? Suite, string Id, int Epoch), Recording> _recordings = [];
    private readonly string _sources;

    public ReplayModel(ModelInfo info, IEnumerable<Recording> recordings, DiagnosticBag diagnostics)
    {
        Info = info;
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var recording in recordings)
        {
            sources.Add(recording.Source);
            if (!_recordings.TryAdd((recording.Suite, recording.Id, recording.Epoch), recording))
            {
                var first = _recordings[(recording.Suite, recording.Id, recording.Epoch)];
                diagnostics.Error(recording.Source, recording.Line, 0, "id",
                    $"sample '{recording.Id}' epoch {recording.Epoch} is recorded twice (first on line {first.Line})");
            }
        }

        _sources = string.Join(", ", sources);
    }

    public ModelInfo Info { get; }

    public Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        if (_recordings.TryGetValue((request.Suite, request.SampleId, request.Epoch), out var recording)
            || _recordings.TryGetValue((null, request.SampleId, request.Epoch), out recording))
        {
            if (request.Scorer is { } scorer)
            {
                return recording.Verdicts.TryGetValue(scorer, out var verdict)
                    ? Task.FromResult(new Generation(verdict, "stop", null, "replay"))
                    : throw new ModelException($"no recorded judge reply for scorer '{scorer}' of sample '{request.SampleId}' epoch {request.Epoch} ({recording.Source}:{recording.Line} has no \"judge\": {{\"{scorer}\": ...}})", ModelErrorKind.Permanent);
            }

            if (request.Turn > recording.Outputs.Count)
            {
                throw new ModelException(
                    $"no recorded output for turn {request.Turn} of sample '{request.SampleId}' epoch {request.Epoch}: {recording.Source}:{recording.Line} records {recording.Outputs.Count} (use \"outputs\": [...] with one answer per turn)",
                    ModelErrorKind.Permanent);
            }

            return Task.FromResult(new Generation(recording.Outputs[request.Turn - 1], recording.FinishReason ?? "stop", null, "replay"));
        }

        throw new ModelException(
            $"no recorded output for sample '{request.SampleId}' epoch {request.Epoch} of suite '{request.Suite}' in {_sources}",
            ModelErrorKind.Permanent);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
