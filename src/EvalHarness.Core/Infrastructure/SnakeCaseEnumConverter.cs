using System.Text.Json;
using System.Text.Json.Serialization;
using EvalHarness.Gating;
using EvalHarness.Models;
using EvalHarness.Scoring;
using EvalHarness.Validation;

namespace EvalHarness.Infrastructure;

/// <summary>
/// Enums as snake_case strings in every file the harness writes. The non-generic
/// <see cref="JsonStringEnumConverter"/> builds its converters by reflection, which the ahead-of-time
/// compiled CLI cannot do, so the enums the serializer meets are named here; they are all in this assembly
/// with the types that hold them.
/// </summary>
internal sealed class SnakeCaseEnumConverter : JsonConverterFactory
{
    public static IReadOnlyList<Type> Enums { get; } =
    [
        typeof(ScoreKind), typeof(ScoreDirection), typeof(MetricBound), typeof(OverviewKind), typeof(ModelErrorKind), typeof(Severity),
    ];

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => typeToConvert switch
    {
        _ when typeToConvert == typeof(ScoreKind) => Create<ScoreKind>(options),
        _ when typeToConvert == typeof(ScoreDirection) => Create<ScoreDirection>(options),
        _ when typeToConvert == typeof(MetricBound) => Create<MetricBound>(options),
        _ when typeToConvert == typeof(OverviewKind) => Create<OverviewKind>(options),
        _ when typeToConvert == typeof(ModelErrorKind) => Create<ModelErrorKind>(options),
        _ when typeToConvert == typeof(Severity) => Create<Severity>(options),
        _ => throw new NotSupportedException($"{typeToConvert} is not among the enums {nameof(SnakeCaseEnumConverter)} writes; add it there."),
    };

    private static JsonConverter? Create<TEnum>(JsonSerializerOptions options)
        where TEnum : struct, Enum
        => new JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower).CreateConverter(typeof(TEnum), options);
}
