using EvalHarness.Extensions;

namespace EvalHarness.Tests.Extensions;

/// <summary>DEVELOPERS.md's worked example pack.</summary>
public sealed class MyPack : IEvalPack
{
    public string Name => "my-pack";

    public void Register(EvalBuilder builder) => builder.AddScorer(LengthScorer.Factory);
}
