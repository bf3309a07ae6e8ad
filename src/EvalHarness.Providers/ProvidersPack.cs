using EvalHarness.Extensions;
using EvalHarness.Providers.Anthropic;
using EvalHarness.Providers.Mock;
using EvalHarness.Providers.OpenAI;
using EvalHarness.Providers.Replay;

namespace EvalHarness.Providers;

/// <summary>The model kinds: OpenAI-compatible endpoints, the Anthropic Messages API, recorded answers, the suites' demo recordings, the echo.</summary>
public sealed class ProvidersPack : IEvalPack
{
    public static ProvidersPack Default { get; } = new();

    public string Name => "providers";

    public void Register(EvalBuilder builder) => builder
        .AddModelKind(OpenAIModelKind.Default)
        .AddModelKind(AnthropicModelKind.Default)
        .AddModelKind(ReplayModelKind.Default)
        .AddModelKind(DemoModelKind.Default)
        .AddModelKind(MockModelKind.Default);
}
