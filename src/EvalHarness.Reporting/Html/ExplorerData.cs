using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvalHarness.Logs;
using EvalHarness.Suites;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// The samples behind the explorer. Base64 keeps model output from ever meeting the HTML parser (no
/// "&lt;/script&gt;" can end an island early), and gzip keeps a 100,000-sample report small enough to
/// mail; the page inflates islands with the browser's built-in DecompressionStream.
/// </summary>
/// <remarks>
/// Opening a large report is dominated by inflating and parsing, so the page only does that for what
/// it shows: the index (suite, id, epoch, verdict and the filterable metadata of every sample) at once,
/// and a chunk of texts when a sample of it is displayed or a search needs every text. Text is written
/// as UTF-8, not \u-escaped, since it only ever meets JSON.parse; a prompt that several samples of a
/// chunk share (a system prompt, few-shot turns) is written once in the chunk's "strings".
/// </remarks>
internal static class ExplorerData
{
    public const int ChunkSize = 1000;

    /// <summary>Shorter texts cost less than the index that would replace them.</summary>
    private const int MinSharedLength = 24;

    // Utf8JsonWriter over a stream holds everything written until it is flushed: flushed at this size, its buffer
    // stays small instead of growing to a chunk's or the index's size (large-object allocations, full collections).
    private const int FlushBytes = 32 * 1024;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Samples of each suite the page carries at most. A page holding a million samples' texts would be gigabytes
    /// that no browser opens; the first samples of every suite (in log order) still show what the run did, and
    /// samples.csv, report.json and log.jsonl keep every one.
    /// </summary>
    public const int MaxSamplesPerSuite = 100_000;

    private static readonly IReadOnlyDictionary<string, Scoring.Score> EmptyScores = new Dictionary<string, Scoring.Score>();

    public static ExplorerPayload Encode(RunLog log)
    {
        var suites = log.Header.Suites.Select(s => s.Name).ToList();
        var classifier = new SampleClassifier(log.Header);
        var perSuite = new Dictionary<string, int>(StringComparer.Ordinal);
        var chunks = new List<Task<string>>();
        var shown = 0;

        // One pass over the records, which a large run reads from disk: the index is written as samples come, and
        // each full chunk of texts is compressed on another core while the next is gathered.
        var index = Compress(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("suites");
            foreach (var name in suites)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("samples");
            var chunk = new List<SampleRecord>(ChunkSize);
            foreach (var record in log.Samples)
            {
                var taken = perSuite.GetValueOrDefault(record.Suite);
                if (taken >= MaxSamplesPerSuite)
                {
                    continue;
                }

                perSuite[record.Suite] = taken + 1;
                shown++;
                WriteIndexEntry(json, record, suites, classifier);
                FlushIfFull(json);
                chunk.Add(record);
                if (chunk.Count == ChunkSize)
                {
                    Schedule(chunk, chunks);
                    chunk = new List<SampleRecord>(ChunkSize);
                }
            }

            if (chunk.Count > 0)
            {
                Schedule(chunk, chunks);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
        return new ExplorerPayload(index, chunks.Select(c => c.GetAwaiter().GetResult()).ToList(), ChunkSize) { Shown = shown, Total = log.Samples.Count };
    }

    // A few chunks in flight at most, so memory holds a few chunks' records whatever the run's size.
    private static void Schedule(List<SampleRecord> records, List<Task<string>> chunks)
    {
        var running = chunks.Where(t => !t.IsCompleted).ToArray();
        if (running.Length >= Math.Max(1, Environment.ProcessorCount - 1))
        {
            Task.WaitAny(running);
        }

        chunks.Add(Task.Run(() => Compress(json => WriteChunk(json, records))));
    }

    private static void FlushIfFull(Utf8JsonWriter json)
    {
        if (json.BytesPending >= FlushBytes)
        {
            json.Flush();
        }
    }

    private static string Compress(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var json = new Utf8JsonWriter(gzip, Options))
        {
            write(json);
        }

        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // {"suites": [...], "samples": [[suite, id, epoch, verdict, category, risk, perspective, language, kind, scorer error 0/1], ...]}
    private static void WriteIndexEntry(Utf8JsonWriter json, SampleRecord r, List<string> suites, SampleClassifier classifier)
    {
        json.WriteStartArray();
        json.WriteNumberValue(Math.Max(0, suites.IndexOf(r.Suite)));
        json.WriteStringValue(r.Id);
        json.WriteNumberValue(r.Epoch);
        var sampleClass = classifier.Classify(r);
        json.WriteStringValue(sampleClass.Verdict);
        json.WriteStringValue(r.Metadata.GetValueOrDefault(MetadataKeys.Category));
        json.WriteStringValue(r.Metadata.GetValueOrDefault(MetadataKeys.Risk));
        json.WriteStringValue(r.Metadata.GetValueOrDefault(MetadataKeys.Perspective));
        json.WriteStringValue(r.Metadata.GetValueOrDefault(MetadataKeys.Language));
        json.WriteStringValue(sampleClass.Kind);
        json.WriteNumberValue(sampleClass.ScorerError ? 1 : 0);
        json.WriteEndArray();
    }

    // {"strings": [...], "details": [[input, output, targets, choices, scores, error, turns], ...]}; turns is the
    // number of conversation turns (multi_turn step) that end the input, whose texts the input already holds.
    // A score is [scorer, value, answer, explanation, error] and, for a judge's, its calls (ExplorerJudge).
    private static void WriteChunk(Utf8JsonWriter json, List<SampleRecord> records)
    {
        var shared = SharedPrompts(records);
        json.WriteStartObject();
        json.WriteStartArray("strings");
        foreach (var text in shared.OrderBy(p => p.Value).Select(p => p.Key))
        {
            json.WriteStringValue(text);
        }

        json.WriteEndArray();
        json.WriteStartArray("details");
        foreach (var r in records)
        {
            json.WriteStartArray();
            json.WriteStartArray();
            for (var m = 0; m < r.Input.Count; m++)
            {
                var message = r.Input[m];
                json.WriteStartArray();
                json.WriteStringValue(message.Role);
                if (shared.TryGetValue(message.Content, out var index))
                {
                    json.WriteNumberValue(index);
                }
                else
                {
                    json.WriteStringValue(message.Content);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStringValue(r.Output);
            Strings(json, r.Targets);
            Strings(json, r.Choices);
            WriteScores(json, r);
            if (r.Error is { } error)
            {
                json.WriteStartArray();
                json.WriteStringValue(error.Kind);
                json.WriteStringValue(error.Message);
                json.WriteEndArray();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteNumberValue(r.Turns?.Count ?? 0);
            json.WriteEndArray();
            FlushIfFull(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteScores(Utf8JsonWriter json, SampleRecord r)
    {
        json.WriteStartArray();
        foreach (var (scorer, score) in r.Scores ?? EmptyScores)
        {
            json.WriteStartArray();
            json.WriteStringValue(scorer);
            if (score.Value is { } v)
            {
                json.WriteNumberValue(v);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStringValue(score.Answer);
            json.WriteStringValue(score.Explanation);
            json.WriteStringValue(score.Error);
            ExplorerJudge.Write(json, score);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    /// <summary>Prompt texts that occur in more than one sample of the chunk, numbered in order of first repeat.</summary>
    private static Dictionary<string, int> SharedPrompts(List<SampleRecord> records)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            for (var m = 0; m < record.Input.Count; m++)
            {
                var message = record.Input[m];
                if (message.Content.Length >= MinSharedLength && !seen.Add(message.Content))
                {
                    shared.TryAdd(message.Content, shared.Count);
                }
            }
        }

        return shared;
    }

    private static void Strings(Utf8JsonWriter json, IReadOnlyList<string> values)
    {
        json.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
        {
            json.WriteStringValue(values[i]);
        }

        json.WriteEndArray();
    }
}
