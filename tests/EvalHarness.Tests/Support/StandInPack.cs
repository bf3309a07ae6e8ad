using EvalHarness.Extensions;
using EvalHarness.Tokenization;

namespace EvalHarness.Tests.Support;

/// <summary>A pack registering one stand-in tokenizer, for tests that need a catalogue without the real one.</summary>
internal sealed class StandInPack(IMetricTokenizer tokenizer) : IEvalPack
{
    public string Name => "stand-in";

    public void Register(EvalBuilder builder) => builder.AddTokenizer(tokenizer);
}
