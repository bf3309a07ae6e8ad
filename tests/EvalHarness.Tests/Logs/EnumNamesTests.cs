using System.Text.Json;
using EvalHarness.Infrastructure;
using EvalHarness.Scoring;

namespace EvalHarness.Tests.Logs;

/// <summary>
/// Enum values in log.jsonl, results.json, gate.json and the evidence manifest are snake_case strings; the
/// converter that writes them names its enums (the native CLI cannot build converters by reflection).
/// </summary>
[TestFixture]
public sealed class EnumNamesTests
{
    /// <summary>The files' settings, able to take an enum on its own (the files hold them inside records).</summary>
    private static readonly JsonSerializerOptions Files = new(EvalJson.Compact)
    {
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(EvalJson.Compact.TypeInfoResolver, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    private static IEnumerable<Type> CoreEnums() => typeof(EvalJson).Assembly.GetTypes()
        .Where(t => t.IsEnum && (t.IsPublic || t.IsNestedPublic));

    [Test]
    public void Every_enum_of_the_core_is_written_by_the_converter()
    {
        Assert.That(CoreEnums(), Is.Not.Empty);
        Assert.That(SnakeCaseEnumConverter.Enums, Is.EquivalentTo(CoreEnums()),
            "an enum the files may hold is missing from SnakeCaseEnumConverter (or it lists one that is gone)");
    }

    [TestCaseSource(nameof(CoreEnums))]
    public void Every_value_is_its_snake_case_name_and_reads_back(Type type)
    {
        foreach (var value in Enum.GetValues(type))
        {
            var json = JsonSerializer.Serialize(value, type, Files);
            Assert.That(json, Is.EqualTo("\"" + JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()!) + "\""));
            Assert.That(JsonSerializer.Deserialize(json, type, Files), Is.EqualTo(value));
        }
    }

    [Test]
    public void A_score_kind_in_a_file_reads_as_before()
    {
        Assert.That(JsonSerializer.Deserialize<ScoreKind>("\"pass_fail\"", Files), Is.EqualTo(ScoreKind.PassFail));
    }

    [Test]
    public void An_enum_it_does_not_name_is_refused_with_the_converter_named()
    {
        var error = Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(DayOfWeek.Monday, Files));
        Assert.That(error!.Message, Does.Contain(nameof(SnakeCaseEnumConverter)));
    }
}
