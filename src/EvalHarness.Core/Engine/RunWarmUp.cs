using System.Text.Json;
using EvalHarness.Coverage;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Suites;

namespace EvalHarness.Engine;

/// <summary>
/// One-time work every run does whatever its suites, started on another core while the suites load: the serializer's
/// metadata for log records and results (tens of milliseconds the first record would otherwise wait for), the
/// retry pipeline every live model is wrapped in, and the bundled coverage map the results read.
/// </summary>
public static class RunWarmUp
{
    public static Task Start() => Task.Run(() =>
    {
        try
        {
            var record = new SampleRecord
            {
                Suite = "warm-up",
                Id = "warm-up",
                Epoch = 1,
                Input = [new PromptMessage(MessageRoles.User, "warm-up")],
                Output = "warm-up",
                Metadata = new Dictionary<string, string> { ["category"] = "warm-up" },
                Scores = new Dictionary<string, Score> { ["warm-up"] = new() { Value = 1, Answer = "1", Explanation = "warm-up" } },
                Usage = new Models.TokenUsage(1, 1, 2),
                Started = DateTimeOffset.UnixEpoch,
                Completed = DateTimeOffset.UnixEpoch,
            };
            // Samples are written by hand (SampleRecordJson) and read back by the serializer (resume, reports of large runs).
            var logRecord = EvalJson.Compact.GetTypeInfo(typeof(LogRecord));
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                SampleRecordJson.Write(json, record);
            }

            _ = JsonSerializer.Deserialize(buffer.WrittenSpan, logRecord);
            JsonSerializer.Serialize(Stream.Null, new LimitRecord { At = DateTimeOffset.UnixEpoch, Limit = 1, Reason = "warm-up" }, logRecord);
            JsonSerializer.Serialize(Stream.Null, new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = 1, Completed = 1, Errored = 0 }, logRecord);
            _ = EvalJson.Indented.GetTypeInfo(typeof(RunResults));
            _ = CoverageMap.Bundled;

            // Building the retry and timeout pipeline loads and compiles most of Polly; the model it wraps is never called.
            _ = new Resilience.ResilientModel(null!, new Resilience.ResilienceOptions(), null, TimeProvider.System);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only time is at stake: the run does the same work itself and reports any failure where it happens.
        }
    });
}
