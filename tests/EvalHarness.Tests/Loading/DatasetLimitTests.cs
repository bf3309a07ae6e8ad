using EvalHarness.Cli;
using EvalHarness.Infrastructure;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Loading;

/// <summary>
/// Datasets have documented limits (a field, a record, the number of samples), refused with file, line,
/// field and the option that raises them; the options raise them.
/// </summary>
[TestFixture]
public sealed class DatasetLimitTests
{
    private const int MiB = 1 << 20;

    private static string Line(string id, int inputChars) => $"{{\"id\": \"{id}\", \"input\": \"{new string('x', inputChars)}\", \"target\": \"a\"}}\n";

    private static async Task<CliRun> Validate(string suite, params string[] options) => await CliRun.InvokeAsync(["validate", suite, .. options]);

    [Test]
    public async Task A_field_over_one_megabyte_names_file_line_field_and_the_option_that_raises_the_limit()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", Line("a", 10) + Line("b", 2 * MiB) + Line("c", 10));

        var refused = await Validate(suite);
        var raised = await Validate(suite, "--max-field-size", "3MB");

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadInput), refused.All);
        Assert.That(refused.Error, Does.Contain("data.jsonl:2: error: field 'input': holds 2 MB of text, more than the 1 MB a field may hold; if that is intended, raise the limit with --max-field-size 2MB"));
        Assert.That(raised.ExitCode, Is.EqualTo(ExitCodes.Ok), raised.All);
        Assert.That(raised.Out, Does.Contain("3 samples"));
    }

    [Test]
    public async Task A_csv_cell_is_a_field_too()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, "name: c\ndataset: data.csv\nscorers: [exact]\n", "data.csv", $"id,input,target\n1,q,a\n2,{new string('y', MiB + 1)},a\n");

        var refused = await Validate(suite);

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadInput), refused.All);
        Assert.That(refused.Error, Does.Contain("data.csv:3: error: field 'input': holds 1 MB of text, more than the 1 MB a field may hold; if that is intended, raise the limit with --max-field-size 2MB"));
    }

    [Test]
    public async Task A_jsonl_line_over_the_record_limit_is_refused_before_it_is_parsed()
    {
        using var dir = new TempDirectory();
        // Broken JSON too long to be a record: only the size is reported, since the line is never parsed.
        var huge = "{\"id\": \"b\", \"input\": \"" + new string('x', 5 * MiB) + "\", oops}\n";
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", Line("a", 10) + huge + Line("c", 10));

        var refused = await Validate(suite);
        var raised = await Validate(suite, "--max-record-size", "6MB", "--max-field-size", "6MB");

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadInput), refused.All);
        Assert.That(refused.Error.Trim().Split('\n'), Has.Length.EqualTo(1), refused.Error);
        Assert.That(refused.Error.Trim(), Does.EndWith("/data.jsonl:2: error: the line is 5 MB, more than the 4 MB a record may hold; if that is intended, raise the limit with --max-record-size 6MB"));
        Assert.That(raised.Error, Does.Contain("data.jsonl:2:").And.Contain("not valid JSON"), "with the limit raised, the line is parsed");
    }

    [Test]
    public async Task A_csv_row_whose_cells_are_each_within_the_field_limit_can_still_exceed_the_record_limit()
    {
        using var dir = new TempDirectory();
        var cell = new string('n', 900 * 1024);
        var suite = SuiteFiles.Write(dir, "name: c\ndataset: data.csv\nscorers: [exact]\n", "data.csv", $"id,input,target,a,b,c,d,e\n1,q,t,{cell},{cell},{cell},{cell},{cell}\n");

        var refused = await Validate(suite);
        var raised = await Validate(suite, "--max-record-size", "5MB");

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadInput), refused.All);
        Assert.That(refused.Error.Trim(), Does.EndWith("/data.csv:2: error: the record is 4.39 MB, more than the 4 MB a record may hold; if that is intended, raise the limit with --max-record-size 5MB"));
        Assert.That(raised.ExitCode, Is.EqualTo(ExitCodes.Ok), raised.All);
    }

    [Test]
    public async Task More_samples_than_the_limit_are_refused_at_the_first_one_over_it_and_the_option_raises_it()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 5);

        var refused = await Validate(suite, "--max-samples", "3");
        var raised = await Validate(suite, "--max-samples", "5");

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadInput), refused.All);
        Assert.That(refused.Error, Does.Contain("data.jsonl:4: error: the dataset holds more than 3 samples, the most one suite may hold").And.Contain("--max-samples"));
        Assert.That(raised.ExitCode, Is.EqualTo(ExitCodes.Ok), raised.All);
    }

    [Test]
    public async Task Run_refuses_an_oversized_dataset_before_writing_anything()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", Line("a", 2 * MiB));

        var run = await CliRun.InvokeAsync(["run", suite, "--model", "mock", "--out", dir.Combine("out")], reportsRoot: dir.Combine("reports"));
        var raised = await CliRun.InvokeAsync(["run", suite, "--model", "mock", "--out", dir.Combine("raised"), "--max-field-size", "2049KiB"], reportsRoot: dir.Combine("reports"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain("field 'input'").And.Contain("--max-field-size"));
        Assert.That(Directory.Exists(dir.Combine("out")) || Directory.Exists(dir.Combine("reports")), Is.False, "nothing written");
        Assert.That(raised.ExitCode, Is.EqualTo(ExitCodes.Ok), raised.All);
    }

    [TestCase("--max-field-size", "lots")]
    [TestCase("--max-record-size", "0")]
    [TestCase("--max-record-size", "-1MB")]
    [TestCase("--max-samples", "0")]
    [TestCase("--max-field-size", "99999999999999999999999GB")]
    public async Task A_limit_that_is_not_a_size_is_a_command_line_error(string option, string value)
    {
        using var dir = new TempDirectory();
        var run = await Validate(SuiteFiles.Arithmetic(dir, 2), option, value);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.StartWith($"error: {option}"));
    }

    [TestCase("65536", 65536L)]
    [TestCase("64KiB", 65536L)]
    [TestCase("64kb", 65536L)]
    [TestCase("1.5MB", 1572864L)]
    [TestCase("4M", 4194304L)]
    [TestCase("1GiB", 1073741824L)]
    [TestCase("10 B", 10L)]
    public void Sizes_take_a_unit_in_powers_of_1024(string text, long expected)
    {
        Assert.That(ByteSizes.TryParse(text, out var bytes), Is.True);
        Assert.That(bytes, Is.EqualTo(expected));
    }

    [Test]
    public async Task Sizes_are_utf8_bytes_so_japanese_text_counts_three_bytes_a_character()
    {
        using var dir = new TempDirectory();
        // 400,000 characters, but 1.14 MB once encoded: over the 1 MB field limit.
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", $"{{\"id\": \"a\", \"input\": \"{new string('語', 400_000)}\", \"target\": \"a\"}}\n");

        var refused = await Validate(suite);

        Assert.That(refused.Error, Does.Contain("data.jsonl:1: error: field 'input': holds 1.14 MB of text, more than the 1 MB a field may hold"));
    }
}
