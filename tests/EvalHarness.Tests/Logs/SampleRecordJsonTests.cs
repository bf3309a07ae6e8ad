using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Models;
using EvalHarness.Scoring;
using EvalHarness.Suites;

namespace EvalHarness.Tests.Logs;

/// <summary>
/// Sample records are written to log.jsonl and report.json by hand rather than through the serializer (issue 21).
/// Every reader of those files (resume, re-scoring, reports, other tools) expects the serializer's bytes.
/// </summary>
[TestFixture]
public sealed class SampleRecordJsonTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 15, 27, 40, 86, TimeSpan.FromHours(9));

    [Test]
    public void A_record_with_every_field_set_is_written_as_the_serializer_writes_it()
    {
        var record = new SampleRecord
        {
            Suite = "偽情報-ja",
            Id = "q\"1</script>",
            Epoch = 3,
            Input = [new PromptMessage("system", "答えだけ\n"), new PromptMessage("user", "a\u0001b\u2028c 😀 <b>&'")],
            Output = "=HYPERLINK(\"x\")\u001b[31m",
            Turns = [new TurnRecord(1, "p1", "o1", "stop"), new TurnRecord(2, "p2", "o2", null)],
            Targets = ["42", "四十二"],
            Choices = ["A", "B"],
            Metadata = new Dictionary<string, string> { ["risk"] = "偽情報", ["key \"quoted\""] = "v" },
            Scores = new Dictionary<string, Score>
            {
                ["numeric"] = new() { Value = 0.125, Answer = "42", Explanation = "read 42", Error = "none", Values = new Dictionary<string, double> { ["f1"] = 1e-7, ["数"] = 3 }, Metadata = new JsonObject { ["spans"] = new JsonArray(new JsonObject { ["start"] = 1, ["kind"] = "電話" }), ["flag"] = true }, JudgeError = false },
                ["judge"] = new() { Error = "judge timed out", JudgeError = true },
                ["empty"] = new(),
            },
            Usage = new TokenUsage(40, null, 43),
            LatencyMs = 156.18,
            Attempts = 2,
            Cached = true,
            CachedFrom = "20261207T152740Z-015942",
            Retries = [new FailedAttempt(1, "HTTP 429", 429, 1000.5)],
            FinishReason = "length",
            Model = "bench-2026",
            Error = new SampleError("timeout", "no answer in 60 s", 504),
            Started = Start,
            Completed = Start.AddMilliseconds(156.18),
        };

        Assert.That(HandWritten(record), Is.EqualTo(Serialized(record)));
    }

    [Test]
    public void A_record_with_only_the_required_fields_is_written_as_the_serializer_writes_it()
    {
        var record = new SampleRecord { Suite = "s", Id = "1", Epoch = 1, Input = [], Started = Start, Completed = Start };

        Assert.That(HandWritten(record), Is.EqualTo(Serialized(record)));
    }

    [Test]
    public void A_record_read_back_with_nulls_its_type_does_not_allow_is_written_as_the_serializer_writes_it()
    {
        var record = new SampleRecord { Suite = null!, Id = null!, Epoch = 1, Input = null!, Targets = null!, Choices = null!, Metadata = null!, Started = Start, Completed = Start };
        var items = new SampleRecord
        {
            Suite = "s", Id = "1", Epoch = 1, Input = [null!, new PromptMessage(null!, null!)], Targets = [null!], Choices = [],
            Metadata = new Dictionary<string, string> { ["k"] = null! }, Scores = new Dictionary<string, Score> { ["exact"] = null! },
            Started = Start, Completed = Start,
        };

        Assert.That(HandWritten(record), Is.EqualTo(Serialized(record)));
        Assert.That(HandWritten(items), Is.EqualTo(Serialized(items)));
    }

    [Test]
    public void The_log_holds_the_serializers_bytes_and_reads_back_as_the_same_record()
    {
        using var dir = new Support.TempDirectory();
        var path = dir.Combine("log.jsonl");
        var record = new SampleRecord
        {
            Suite = "s", Id = "日本", Epoch = 1, Input = [new PromptMessage("user", "q")], Output = "a",
            Scores = new Dictionary<string, Score> { ["exact"] = Score.Pass("a", "matched") },
            Usage = new TokenUsage(1, 2, 3), LatencyMs = 12.5, Attempts = 1, Started = Start, Completed = Start,
        };

        using (var writer = RunLogWriter.Create(path))
        {
            writer.Write(record);
        }

        var line = File.ReadAllText(path);
        Assert.That(line, Is.EqualTo(Serialized(record) + "\n"));
        var back = (SampleRecord)JsonSerializer.Deserialize(line, EvalJson.Compact.GetTypeInfo(typeof(LogRecord)))!;
        Assert.That(back.Scores!["exact"], Is.EqualTo(record.Scores["exact"]));
        Assert.That((back.Id, back.Output, back.Usage, back.LatencyMs), Is.EqualTo((record.Id, record.Output, record.Usage, record.LatencyMs)));
    }

    // A property added to any of these types would be silently left out of every log: this names them all, so the
    // writer is changed with the type.
    [TestCase(typeof(SampleRecord), "Suite Id Epoch Input Output Turns Targets Choices Metadata Scores Usage LatencyMs Attempts Cached CachedFrom Retries FinishReason Model Error Started Completed")]
    [TestCase(typeof(Score), "Value Answer Explanation Error Values Metadata JudgeError")]
    [TestCase(typeof(TokenUsage), "InputTokens OutputTokens TotalTokens")]
    [TestCase(typeof(PromptMessage), "Role Content")]
    public void The_hand_written_fields_are_all_the_serialized_properties(Type type, string written)
    {
        var serialized = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.Name != "EqualityContract")
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

        Assert.That(serialized, Is.EqualTo(written.Split(' ').Order(StringComparer.Ordinal)), "write the new property in SampleRecordJson");
    }

    private static string HandWritten(SampleRecord record) => Write(json => SampleRecordJson.Write(json, record));

    private static string Serialized(SampleRecord record) =>
        Write(json => JsonSerializer.Serialize(json, (LogRecord)record, EvalJson.Compact.GetTypeInfo(typeof(LogRecord))));

    // The writer options of the log itself (RunLogWriter).
    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EvalJson.Compact.Encoder, SkipValidation = true }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
