using EvalHarness.Gating;
using EvalHarness.Logs;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalh run … --gate FILE</c>: the policy and baseline are read before the run starts (a bad policy runs nothing);
/// after it, the run is judged and gate.json written before the reports, so they show the verdict.
/// </summary>
internal sealed class RunGate
{
    private readonly GatePolicy _policy;
    private readonly RunLog? _baseline;
    private readonly GateOutputs _outputs;

    private RunGate(GatePolicy policy, RunLog? baseline, GateOutputs outputs)
    {
        _policy = policy;
        _baseline = baseline;
        _outputs = outputs;
    }

    /// <summary>Null when the run is not gated, or when something is wrong (then in <paramref name="diagnostics"/>).</summary>
    public static RunGate? Prepare(RunRequest request, DiagnosticBag diagnostics)
    {
        if (request.Gate is null)
        {
            return null;
        }

        var policy = GateSteps.ReadPolicy(request.Gate, diagnostics);
        var baseline = request.Baseline is null ? null : RunLogArgument.Read(request.Baseline, "--baseline", diagnostics);
        var outputs = new GateOutputs(request.Junit);
        // The run directory is checked by the run itself.
        GateSteps.CheckOutputs(outputs, null, diagnostics);

        if (policy is not null && baseline is not null && !policy.UsesBaseline)
        {
            diagnostics.Warning("command line", 0, 0, "--baseline", "the policy has no non_regression rule, so the baseline is not used");
        }

        return policy is null ? null : new RunGate(policy, baseline, outputs);
    }

    /// <summary>Judges the finished run and writes gate.json (and --junit); null when a file could not be written (already said).</summary>
    public GateVerdict? Judge(CliEnvironment env, RunLog log, string runDirectory)
    {
        var verdict = GateSteps.Evaluate(env, _policy, log, _baseline);
        return GateSteps.Write(env, verdict, runDirectory, _outputs) ? verdict : null;
    }
}
