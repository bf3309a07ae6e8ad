namespace EvalHarness.Models;

/// <summary>
/// How the model under evaluation (or a judge) is described in logs and reports. Never contains a secret.
/// "Model" is the endpoint that answers; a sample's "target" is its reference answer, as in Inspect.
/// </summary>
/// <param name="Spec">The <c>--model</c> value, e.g. <c>openai/gpt-4o-mini</c>.</param>
/// <param name="Provider">"openai", "replay", "demo", "mock", ...</param>
/// <param name="Name">The model name the provider was asked for, if any.</param>
/// <param name="BaseUrl">The endpoint, without credentials or query string.</param>
/// <param name="Live">True when a model actually answered; false for recordings and scripts.</param>
/// <param name="Label">A human label that says what the results are from.</param>
public sealed record ModelInfo(string Spec, string Provider, string? Name, string? BaseUrl, bool Live, string Label)
{
    public const string LiveLabel = "live model";
    public const string DemoLabel = "demo recordings, not a live model";
    public const string DemoJudgeLabel = "recorded judge verdicts, not a live judge";
}
