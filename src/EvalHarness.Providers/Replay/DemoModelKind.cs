using EvalHarness.Models;
using EvalHarness.Validation;

namespace EvalHarness.Providers.Replay;

/// <summary><c>demo</c>: the recordings each suite ships (<c>demo_recordings</c>), labelled as such everywhere.</summary>
internal sealed class DemoModelKind : IModelKind
{
    public static DemoModelKind Default { get; } = new();

    public string Name => "demo";

    public string Description => "the suites' demo recordings";

    public IReadOnlyList<ModelForm> Forms { get; } =
    [
        new("demo", "the demo recordings bundled with each suite (replay; not a live model); as --judge, the judge verdicts recorded with them"),
    ];

    public IModel Create(ModelSpec spec, ModelRequest request)
    {
        if (spec.Argument is not null)
        {
            throw new InvalidInputException(new Diagnostic("command line", 0, 0, request.Option, $"'{spec.Text}' is not a model; 'demo' takes no argument"));
        }

        var diagnostics = new DiagnosticBag();
        var recordings = new List<Recording>();
        foreach (var suite in request.Suites)
        {
            if (suite.DemoRecordings is null)
            {
                diagnostics.Error(suite.Path, 0, 0, "demo_recordings", $"suite '{suite.Name}' ships no demo recordings, so it cannot run with --model demo");
                continue;
            }

            recordings.AddRange(RecordingFile.Read(suite.DemoRecordings, diagnostics, suite.Name));
        }

        diagnostics.ThrowIfErrors();
        var info = request.Option == "--judge"
            ? new ModelInfo("demo", "replay", null, null, Live: false, ModelInfo.DemoJudgeLabel)
            : new ModelInfo("demo", "replay", null, null, Live: false, ModelInfo.DemoLabel);
        var model = new ReplayModel(info, recordings, diagnostics);
        diagnostics.ThrowIfErrors();
        if (request.Warnings is { } warnings)
        {
            UnusedRecordings.Warn(recordings, request.Suites, warnings);
        }

        return model;
    }
}
