using System.Text.Json.Nodes;
using EvalHarness.Logs;
using EvalHarness.Scoring;

namespace EvalHarness.Reports;

/// <summary>
/// Personal data is masked in reports by default. A scorer that finds it (the privacy pack's <c>personal_data</c>)
/// records the spans of the output under <see cref="MetadataKey"/> in its score's metadata, so any report
/// re-rendered from log.jsonl alone masks exactly what the scorer found. The log keeps the raw output: it is the
/// product, and re-scoring needs it.
/// </summary>
/// <remarks>
/// The output is masked by offsets. The same raw strings are also replaced wherever else the sample's texts
/// repeat them (the prompt, earlier turns, targets, other scorers' explanations, a judge's calls and replies),
/// since a value masked in the answer but shown in the judge's reply beside it would be no mask at all.
/// </remarks>
public static class OutputMasking
{
    /// <summary>Score metadata key holding a JSON array of <see cref="MaskSpan"/> objects.</summary>
    public const string MetadataKey = "mask";

    /// <summary>One-character values (a one-kanji surname) would blank unrelated words elsewhere; they are masked in the output only.</summary>
    private const int MinRepeatedLength = 2;

    /// <summary>The log as reports show it: masked unless the user asked for personal data to be shown.</summary>
    public static RunLog ForDisplay(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ForDisplay(input.Log, input.ShowPersonalData);
    }

    public static RunLog ForDisplay(RunLog log, bool showPersonalData) => showPersonalData ? log : Mask(log);

    public static RunLog Mask(RunLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.SamplesOnDisk)
        {
            return Copy(log, new MaskedSamples(log.Samples));
        }

        List<SampleRecord>? samples = null;
        for (var i = 0; i < log.Samples.Count; i++)
        {
            var masked = Mask(log.Samples[i]);
            if (!ReferenceEquals(masked, log.Samples[i]))
            {
                samples ??= [.. log.Samples];
                samples[i] = masked;
            }
        }

        return samples is null ? log : Copy(log, samples);
    }

    private static RunLog Copy(RunLog log, IReadOnlyList<SampleRecord> samples) => new()
    {
        Header = log.Header,
        Samples = samples,
        Footer = log.Footer,
        Limits = log.Limits,
        Resumes = log.Resumes,
        ValidLength = log.ValidLength,
        TornTail = log.TornTail,
    };

    /// <summary>The record with its output's recorded spans masked; the same instance when there is nothing to mask.</summary>
    public static SampleRecord Mask(SampleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Output is not { } output || record.Scores is not { Count: > 0 } scores)
        {
            return record;
        }

        // Nearly every record of a large run has no personal data: find that out without allocating.
        if (!AnySpans(scores))
        {
            return record;
        }

        var spans = Spans(scores.Values, output.Length);
        return spans.Count == 0 ? record : Masked(record, output, scores, spans);
    }

    // Apart from Mask so that its closures are allocated only for records that have something to mask.
    private static SampleRecord Masked(SampleRecord record, string output, IReadOnlyDictionary<string, Score> scores, List<MaskSpan> spans)
    {
        var replacements = spans
            .Select(s => (Raw: output.Substring(s.Start, s.Length), s.Mask))
            .Where(r => r.Raw.Length >= MinRepeatedLength && !string.Equals(r.Raw, r.Mask, StringComparison.Ordinal))
            .DistinctBy(r => r.Raw, StringComparer.Ordinal)
            .OrderByDescending(r => r.Raw.Length)
            .ToList();
        string Hide(string text)
        {
            foreach (var (raw, mask) in replacements)
            {
                text = text.Replace(raw, mask, StringComparison.Ordinal);
            }

            return text;
        }

        string? HideOptional(string? text) => text is null ? null : Hide(text);

        return record with
        {
            Output = Apply(output, spans),
            Input = [.. record.Input.Select(m => m with { Content = Hide(m.Content) })],
            Turns = record.Turns is null ? null : [.. record.Turns.Select(t => t with { Prompt = Hide(t.Prompt), Output = Hide(t.Output) })],
            Targets = [.. record.Targets.Select(Hide)],
            Choices = [.. record.Choices.Select(Hide)],
            Scores = scores.ToDictionary(
                p => p.Key,
                p => p.Value with
                {
                    Answer = HideOptional(p.Value.Answer),
                    Explanation = HideOptional(p.Value.Explanation),
                    Error = HideOptional(p.Value.Error),
                    Metadata = p.Value.Metadata is null ? null : (JsonObject)HideJson(p.Value.Metadata.DeepClone(), Hide)!,
                },
                StringComparer.Ordinal),
        };
    }

    private static bool AnySpans(IReadOnlyDictionary<string, Score> scores)
    {
        if (scores is Dictionary<string, Score> dictionary)
        {
            foreach (var score in dictionary.Values)
            {
                if (score.Metadata?[MetadataKey] is JsonArray)
                {
                    return true;
                }
            }

            return false;
        }

        return scores.Values.Any(score => score.Metadata?[MetadataKey] is JsonArray);
    }

    /// <summary>The recorded spans that fit the output, in order, overlaps dropped (the earlier span wins).</summary>
    private static List<MaskSpan> Spans(IEnumerable<Score> scores, int outputLength)
    {
        var all = new List<MaskSpan>();
        foreach (var score in scores)
        {
            if (score.Metadata?[MetadataKey] is JsonArray array)
            {
                all.AddRange(array.Select(MaskSpan.FromJson).OfType<MaskSpan>()
                    .Where(s => s.Start >= 0 && s.Length > 0 && s.Start <= outputLength - s.Length));
            }
        }

        var kept = new List<MaskSpan>(all.Count);
        var end = 0;
        foreach (var span in all.OrderBy(s => s.Start).ThenByDescending(s => s.Length))
        {
            if (span.Start >= end)
            {
                kept.Add(span);
                end = span.Start + span.Length;
            }
        }

        return kept;
    }

    private static string Apply(string output, List<MaskSpan> spans)
    {
        var text = new System.Text.StringBuilder(output.Length);
        var at = 0;
        foreach (var span in spans)
        {
            text.Append(output, at, span.Start - at).Append(span.Mask);
            at = span.Start + span.Length;
        }

        return text.Append(output, at, output.Length - at).ToString();
    }

    /// <summary>Replaces every string in the tree in place and returns it (the tree is the record's own copy).</summary>
    private static JsonNode? HideJson(JsonNode? node, Func<string, string> hide)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (Hidden(o[key], hide) is { } text)
                    {
                        o[key] = text;
                    }
                    else
                    {
                        HideJson(o[key], hide);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (Hidden(a[i], hide) is { } text)
                    {
                        a[i] = text;
                    }
                    else
                    {
                        HideJson(a[i], hide);
                    }
                }

                break;
        }

        return node;
    }

    private static JsonValue? Hidden(JsonNode? node, Func<string, string> hide) =>
        node is JsonValue v && v.TryGetValue<string>(out var text) ? JsonValue.Create(hide(text)) : null;
}
