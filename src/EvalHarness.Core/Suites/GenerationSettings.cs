namespace EvalHarness.Suites;

/// <summary>Sampling parameters sent with every request; null means "the endpoint's default".</summary>
public sealed record GenerationSettings
{
    public static GenerationSettings Empty { get; } = new();

    public double? Temperature { get; init; }

    public int? MaxTokens { get; init; }

    public double? TopP { get; init; }

    public long? Seed { get; init; }

    public IReadOnlyList<string>? Stop { get; init; }

    /// <summary>Values set in <paramref name="overrides"/> win; unset ones keep this instance's value.</summary>
    public GenerationSettings With(GenerationSettings? overrides) => overrides is null ? this : new GenerationSettings
    {
        Temperature = overrides.Temperature ?? Temperature,
        MaxTokens = overrides.MaxTokens ?? MaxTokens,
        TopP = overrides.TopP ?? TopP,
        Seed = overrides.Seed ?? Seed,
        Stop = overrides.Stop ?? Stop,
    };

    public bool Equals(GenerationSettings? other) =>
        other is not null
        && Temperature == other.Temperature
        && MaxTokens == other.MaxTokens
        && TopP == other.TopP
        && Seed == other.Seed
        && (Stop ?? []).SequenceEqual(other.Stop ?? []);

    public override int GetHashCode() => HashCode.Combine(Temperature, MaxTokens, TopP, Seed, Stop?.Count ?? 0);
}
