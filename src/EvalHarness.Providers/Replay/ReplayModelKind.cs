using EvalHarness.Infrastructure;
using EvalHarness.Models;
using EvalHarness.Validation;

namespace EvalHarness.Providers.Replay;

/// <summary><c>replay:&lt;file.jsonl&gt;</c>: answers recorded earlier, scored without calling a model.</summary>
internal sealed class ReplayModelKind : IModelKind
{
    public static ReplayModelKind Default { get; } = new();

    public string Name => "replay";

    public string Description => "recorded answers";

    public IReadOnlyList<ModelForm> Forms { get; } =
    [
        new("replay:<file.jsonl>", "score recorded responses without calling a model; lines {\"id\", \"epoch\", \"output\"}"),
    ];

    public IModel Create(ModelSpec spec, ModelRequest request)
    {
        var path = spec.Argument ?? string.Empty;
        if (!spec.NamesFile || path.Trim().Length == 0)
        {
            throw new InvalidInputException(new Diagnostic("command line", 0, 0, request.Option, "name the recordings file after 'replay:', for example replay:answers.jsonl"));
        }

        var diagnostics = new DiagnosticBag();
        var recordings = RecordingFile.Read(path, diagnostics);
        diagnostics.ThrowIfErrors();
        var info = new ModelInfo("replay:" + DisplayPaths.For(path), Name, null, null, Live: false, "recorded responses, not a live model");
        var model = new ReplayModel(info, recordings, diagnostics);
        diagnostics.ThrowIfErrors();
        if (request.Warnings is { } warnings)
        {
            UnusedRecordings.Warn(recordings, request.Suites, warnings);
        }

        return model;
    }
}
