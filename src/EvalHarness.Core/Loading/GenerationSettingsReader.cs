using EvalHarness.Configuration;
using EvalHarness.Suites;

namespace EvalHarness.Loading;

/// <summary>Reads temperature, max_tokens, top_p, seed and stop from a configuration mapping.</summary>
public static class GenerationSettingsReader
{
    public static GenerationSettings Read(ConfigSection section)
    {
        var seed = section.GetDouble("seed", long.MinValue, long.MaxValue);
        if (seed is { } s && s != Math.Floor(s))
        {
            section.Error("seed", "must be a whole number");
        }

        return new GenerationSettings
        {
            Temperature = section.GetDouble("temperature", 0, 2),
            MaxTokens = section.GetInt("max_tokens", 1),
            TopP = section.GetDouble("top_p", 0, 1),
            Seed = seed is { } whole ? (long)whole : null,
            Stop = section.GetStringList("stop"),
        };
    }
}
