using System.Text;
using EvalHarness.Cli;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Loading;

/// <summary>
/// JSONL, CSV and TSV datasets are read record by record into samples, so a million-sample suite loads in bounded
/// memory. Streaming must change nothing a user sees: the same samples and the same diagnostics, in the same order,
/// as reading every record first (the path other formats still take).
/// </summary>
[TestFixture]
public sealed class StreamedDatasetTests
{
    private static readonly LoadLimits SmallLimits = new() { MaxRecordBytes = 300, MaxFieldBytes = 100 };

    // Every kind of problem a line can have, between good lines: blank and whitespace lines, a CRLF line ending, a
    // duplicate id, broken JSON, a line longer in characters than the record limit in bytes (only measured), a line
    // short in characters but over the limit in bytes, a non-object, an unpaired surrogate, a field over its limit,
    // an unknown taxonomy value, a chat input, and a last line without a line break.
    private static readonly string CraftedJsonl = string.Join('\n',
        """{"id": "a", "input": "q1", "target": "1", "category": "x"}""",
        string.Empty,
        """{"id": "b", "input": "q2", "target": ["2", "two"], "choices": ["p", "q"], "metadata": {"category": "y"}}""" + "\r",
        """{"id": "a", "input": "dup", "target": "3"}""",
        """{"id": "c", "input": "q3", oops}""",
        $$"""{"id": "d", "input": "{{string.Concat(Enumerable.Repeat("é😀", 200))}}"}""",
        $$"""{"id": "e", "input": "{{new string('語', 110)}}"}""",
        "[1, 2]",
        """{"id": "f", "input": "x\ud800y"}""",
        $$"""{"id": "g", "input": "{{new string('x', 150)}}"}""",
        """{"id": "h", "input": "q", "risk": "weather"}""",
        """{"id": "i", "input": "q4", "target": "1", "category": "x"}""",
        """{"id": 7, "input": [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hi"}], "scorers": ["exact"]}""",
        "   \t",
        """{"id": "j", "input": "last", "category": "x", "target": "1"}""");

    private static (List<Sample> Samples, List<string> Diagnostics) Load(string path, IDatasetFormat format, LoadLimits limits, string encoding = "utf-8", char delimiter = ',')
    {
        var diagnostics = new DiagnosticBag();
        var spec = new DatasetSpec(path, "data", format, encoding, delimiter, FieldMapping.Default);
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal) { ["language"] = "en" };
        var samples = DatasetLoader.Load(spec, defaults, limits, Composition.Catalog.Taxonomies.InOrder, diagnostics);
        return (samples, diagnostics.Items.Select(d => d.ToString()).ToList());
    }

    private static string Describe(Sample s) => string.Join(" | ",
        s.Id,
        s.Line,
        string.Join(" / ", s.Input.Select(m => $"{m.Role}: {m.Content}")),
        string.Join(",", s.Targets),
        string.Join(",", s.Choices),
        s.Scorers is null ? "all" : string.Join(",", s.Scorers),
        string.Join(",", s.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));

    private static void AssertSameAsListPath(string path, IDatasetFormat format, LoadLimits limits, char delimiter = ',')
    {
        Assert.That(format, Is.InstanceOf<IStreamingDatasetFormat>());
        var streamed = Load(path, format, limits, delimiter: delimiter);
        var listed = Load(path, new ListOnlyFormat(format), limits, delimiter: delimiter);

        Assert.That(streamed.Diagnostics, Is.EqualTo(listed.Diagnostics), "same diagnostics in the same order");
        Assert.That(streamed.Samples.Select(Describe), Is.EqualTo(listed.Samples.Select(Describe)), "same samples");
    }

    [Test]
    public void A_jsonl_dataset_with_every_kind_of_error_streams_to_the_same_samples_and_diagnostics_as_the_list_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("data.jsonl", CraftedJsonl);

        AssertSameAsListPath(path, JsonlFormat.Default, SmallLimits);

        var (samples, diagnostics) = Load(path, JsonlFormat.Default, SmallLimits);
        Assert.That(samples.Select(s => s.Id), Is.EqualTo(new[] { "a", "b", "i", "7", "j" }));
        Assert.That(samples.Select(s => s.Line), Is.EqualTo(new[] { 1, 3, 12, 13, 15 }), "a CRLF line ending and blank lines keep the numbering");
        var longLine = Encoding.UTF8.GetByteCount(CraftedJsonl.Split('\n')[5]);
        Assert.That(diagnostics.Take(7), Is.EqualTo(new[]
        {
            "data:5:28: error: not valid JSON: 'o' is an invalid start of a property name. Expected a '\"'.",
            $"data:6: error: the line is {EvalHarness.Infrastructure.ByteSizes.Format(longLine)}, more than the 300 bytes a record may hold; if that is intended, raise the limit with --max-record-size 2KB",
            "data:7: error: the line is 354 bytes, more than the 300 bytes a record may hold; if that is intended, raise the limit with --max-record-size 1KB",
            "data:8:1: error: each line must be one JSON object ({...})",
            "data:9:22: error: field 'input': the text holds an unpaired surrogate escape (such as \\ud800), which is not a character; replace it, for example with \\ufffd",
            "data:4: error: field 'id': duplicate sample id 'a' (first used on line 1)",
            "data:10: error: field 'input': holds 150 bytes of text, more than the 100 bytes a field may hold; if that is intended, raise the limit with --max-field-size 1KB",
        }), string.Join("\n", diagnostics));
        Assert.That(diagnostics[7], Does.StartWith("data:11: error: field 'risk': 'weather' is not known"));
        Assert.That(diagnostics.Select(d => d.Split(':')[1]), Is.EqualTo(new[] { "5", "6", "7", "8", "9", "4", "10", "11" }),
            "the file's own problems first, then the samples' in line order, as when every record was read first");
        Assert.That(diagnostics[1], Does.Contain($"the line is {EvalHarness.Infrastructure.ByteSizes.Format(longLine)}"), "a line too long to keep is still measured exactly");
    }

    [Test]
    public void A_dataset_large_enough_to_be_read_on_a_thread_of_its_own_gives_the_same_samples_and_diagnostics_as_the_list_path()
    {
        // Past RecordsAhead.MinimumBytes the lines are read and parsed a few batches ahead, on another thread: every
        // kind of problem, about 900 diagnostics and the records on both sides of each batch's edge must still come
        // out as when every record was read first.
        using var dir = new TempDirectory();
        var copies = (int)(RecordsAhead.MinimumBytes / Encoding.UTF8.GetByteCount(CraftedJsonl)) + 2;
        var jsonl = dir.File("data.jsonl", string.Join('\n', Enumerable.Range(0, copies).Select(i => CraftedJsonl.Replace("\"id\": \"", $"\"id\": \"{i}-", StringComparison.Ordinal))));
        var csvRows = Enumerable.Range(0, 40_000).Select(i => i % 997 == 0 ? $"{i},\"bad \"quote\",x,y" : $"{i % 39_000},question {i},{i},x");
        var csv = dir.File("data.csv", "id,input,target,category\n" + string.Join('\n', csvRows) + "\n");
        Assert.That(new FileInfo(jsonl).Length, Is.GreaterThanOrEqualTo(RecordsAhead.MinimumBytes));
        Assert.That(new FileInfo(csv).Length, Is.GreaterThanOrEqualTo(RecordsAhead.MinimumBytes));

        AssertSameAsListPath(jsonl, JsonlFormat.Default, SmallLimits);
        AssertSameAsListPath(jsonl, JsonlFormat.Default, SmallLimits with { MaxSamples = 1_000 });
        AssertSameAsListPath(csv, CsvFormat.Default, SmallLimits);

        var (samples, diagnostics) = Load(jsonl, JsonlFormat.Default, SmallLimits);
        Assert.That(samples, Has.Count.EqualTo((4 * copies) + 1), "the numeric id 7 is the same in every copy: only its first counts");
        Assert.That(diagnostics, Has.Count.EqualTo((8 * copies) + copies - 1), "the crafted lines' eight problems in every copy, and each repeated 7");
    }

    [Test]
    public void Over_the_sample_limit_the_streamed_path_reports_the_first_record_over_it_after_the_files_own_problems_and_no_samples()
    {
        using var dir = new TempDirectory();
        var path = dir.File("data.jsonl", CraftedJsonl);
        var limits = SmallLimits with { MaxSamples = 2 };

        AssertSameAsListPath(path, JsonlFormat.Default, limits);

        var (samples, diagnostics) = Load(path, JsonlFormat.Default, limits);
        Assert.That(samples, Is.Empty);
        Assert.That(diagnostics.Select(d => d.Split(':')[1]), Is.EqualTo(new[] { "5", "6", "7", "8", "9", "4" }),
            "problems of lines after the limit are still reported; the samples' own (the duplicate id) are not");
        Assert.That(diagnostics[^1], Does.StartWith("data:4: error: the dataset holds more than 2 samples"));
    }

    [Test]
    public void Csv_and_tsv_datasets_stream_to_the_same_samples_and_diagnostics_as_the_list_path()
    {
        using var dir = new TempDirectory();
        var csv = dir.File("data.csv", "id,input,target,category\n1,q,a,x\n2,\"multi\nline\",b,x\n1,dup,c,y\n3,bad \"quote\",d,x\n4,too,many,cells,here\n5,\"" + new string('z', 150) + "\",e,x\n6,q,a,x\n");
        var tsv = dir.File("data.tsv", "id\tinput\ttarget\n1\tq\ta\n1\tq\tb\n2\tonly two\n");

        AssertSameAsListPath(csv, CsvFormat.Default, SmallLimits);
        AssertSameAsListPath(tsv, TsvFormat.Default, SmallLimits);

        var (samples, diagnostics) = Load(csv, CsvFormat.Default, SmallLimits);
        Assert.That(samples.Select(s => (s.Id, s.Line)), Is.EqualTo(new[] { ("1", 2), ("2", 3), ("6", 9) }));
        Assert.That(diagnostics.Select(d => d.Split(':')[1]), Is.EqualTo(new[] { "6", "7", "5", "8" }), string.Join("\n", diagnostics));
    }

    [Test]
    public void Samples_with_equal_metadata_targets_and_choices_share_one_read_only_instance()
    {
        using var dir = new TempDirectory();
        var path = dir.File("data.jsonl", string.Join('\n',
            """{"id": "1", "input": "q", "target": "42", "choices": ["a", "b"], "category": "geo"}""",
            """{"id": "2", "input": "q", "target": "42", "choices": ["a", "b"], "metadata": {"category": "geo"}}""",
            """{"id": "3", "input": "q", "target": "41", "choices": ["b", "a"], "category": "arith"}""",
            """{"id": "4", "input": "q", "target": ["42"], "choices": ["a", "b"], "category": "geo", "source": "x"}"""));

        var (samples, diagnostics) = Load(path, JsonlFormat.Default, LoadLimits.Default);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(samples[1].Metadata, Is.SameAs(samples[0].Metadata), "equal metadata, whether given as a field or in 'metadata'");
        Assert.That(samples[1].Targets, Is.SameAs(samples[0].Targets));
        Assert.That(samples[3].Targets, Is.SameAs(samples[0].Targets), "a one-item list equals a single value");
        Assert.That(samples[1].Choices, Is.SameAs(samples[0].Choices));
        Assert.That(samples[2].Metadata, Is.Not.SameAs(samples[0].Metadata));
        Assert.That(samples[2].Metadata["category"], Is.EqualTo("arith"));
        Assert.That(samples[2].Targets, Is.EqualTo(new[] { "41" }));
        Assert.That(samples[2].Choices, Is.EqualTo(new[] { "b", "a" }), "order matters");
        Assert.That(samples[3].Metadata, Is.Not.SameAs(samples[0].Metadata));
        Assert.That(samples[3].Metadata["source"], Is.EqualTo("x"));
        Assert.That(() => ((IDictionary<string, string>)samples[0].Metadata)["category"] = "changed", Throws.InstanceOf<NotSupportedException>(),
            "a shared dictionary cannot be changed for one sample through a cast");
        Assert.That(() => ((IList<string>)samples[0].Targets).Add("43"), Throws.InstanceOf<NotSupportedException>());
    }

    [Test]
    public void The_sharing_table_stops_growing_at_its_cap_and_collections_past_it_are_still_correct()
    {
        using var dir = new TempDirectory();
        var count = SharedValues.MaxEntries + 10;
        var lines = Enumerable.Range(0, count).Select(i => $$"""{"id": "{{i}}", "input": "q", "target": "t{{i}}", "tag": "v{{i}}"}""")
            .Append("""{"id": "again", "input": "q", "target": "t1", "tag": "v1"}""");
        var path = dir.File("data.jsonl", string.Join('\n', lines));

        var (samples, diagnostics) = Load(path, JsonlFormat.Default, LoadLimits.Default);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(samples, Has.Count.EqualTo(count + 1));
        Assert.That(samples[^2].Metadata["tag"], Is.EqualTo($"v{count - 1}"));
        Assert.That(samples[^2].Targets, Is.EqualTo(new[] { $"t{count - 1}" }));
        Assert.That(samples[^1].Metadata, Is.SameAs(samples[1].Metadata), "entries made before the cap are still shared");
        Assert.That(samples[^1].Targets, Is.SameAs(samples[1].Targets));
    }
}
