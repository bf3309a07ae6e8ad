using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>Bad suites, datasets and flags: one clear message naming file, line and field; exit 2; nothing written.</summary>
[TestFixture]
public sealed class BadInputTests
{
    private static async Task<CliRun> RunInto(TempDirectory dir, params string[] args)
    {
        var run = await CliRun.InvokeAsync(["run", .. args, "--out", dir.Combine("out")], reportsRoot: dir.Combine("reports"));
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(Directory.Exists(dir.Combine("out")) || Directory.Exists(dir.Combine("reports")), Is.False, "nothing half-written");
        return run;
    }

    [Test]
    public async Task Malformed_yaml()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, "name: x\ndataset: data.jsonl\nscorers: [exact\n", "data.jsonl", "{\"input\": \"q\", \"target\": \"a\"}\n");
        var run = await RunInto(dir, suite, "--model", "mock");
        Assert.That(run.Error, Does.Match(@"suite\.yaml:\d+(:\d+)?: error: not valid YAML"));
    }

    [Test]
    public async Task Malformed_csv()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, "name: x\ndataset: data.csv\nscorers: [exact]\n", "data.csv", "id,input,target\n1,fine,a\n2,\"broken\"quote,b\n3,ok,c,extra\n");
        var run = await RunInto(dir, suite, "--model", "mock");
        Assert.That(run.Error, Does.Contain("data.csv:3: error: a quote (\") is misplaced"));
        Assert.That(run.Error, Does.Contain("data.csv:4: error: has 4 cells but the header has 3 columns"));
    }

    [Test]
    public async Task Malformed_jsonl_names_line_and_column()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", "{\"input\": \"q\", \"target\": \"a\"}\n{\"input\": \"q\" \"target\": \"a\"}\n[1, 2]\n");
        var run = await RunInto(dir, suite, "--model", "mock");
        Assert.That(run.Error, Does.Match(@"data\.jsonl:2:\d+: error: not valid JSON"));
        Assert.That(run.Error, Does.Contain("data.jsonl:3:1: error: each line must be one JSON object"));
        Assert.That(run.Error, Does.Not.Contain("LineNumber").And.Not.Contain("BytePositionInLine"), "the parser's 0-based position would contradict ours");
    }

    [Test]
    public async Task Unpaired_surrogate_escapes_in_dataset_and_recordings_are_input_errors_not_crashes()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", "{\"id\": \"a\", \"input\": \"q\\ud800\", \"target\": \"a\"}\n");
        var data = await RunInto(dir, suite, "--model", "mock");
        Assert.That(data.Error, Does.Contain("data.jsonl:1:22: error: field 'input': the text holds an unpaired surrogate escape"));

        var good = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", "{\"id\": \"a\", \"input\": \"q\", \"target\": \"a\"}\n", folder: "good");
        var recordings = dir.File("rec.jsonl", "{\"id\": \"a\", \"output\": \"\\udc00 tail\"}\n");
        var replay = await RunInto(dir, good, "--model", "replay:" + recordings);
        Assert.That(replay.Error, Does.Contain("rec.jsonl:1:23: error: field 'output': the text holds an unpaired surrogate escape"));
        Assert.That(replay.Error, Does.Not.Contain("internal error"));
    }

    [Test]
    public async Task Validate_lists_every_problem_while_run_stops_at_a_screenful()
    {
        using var dir = new TempDirectory();
        var lines = string.Concat(Enumerable.Range(1, 250).Select(i => $"{{\"id\": {i}, \"input\": \"q\"}}\n"));
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", lines);

        var validate = await CliRun.InvokeAsync(["validate", suite]);
        var run = await RunInto(dir, suite, "--model", "mock");

        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(validate.Error.Split('\n').Count(l => l.Contains("field 'target'")), Is.EqualTo(250));
        Assert.That(validate.Error, Does.Contain("250 errors"));
        Assert.That(run.Error.Split('\n').Count(l => l.Contains("field 'target'")), Is.EqualTo(200));
        Assert.That(run.Error, Does.Contain("… and 50 more problems not shown; `evalh validate` lists every one"));
    }

    [Test]
    public async Task Unknown_scorer_and_target_names()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, "name: x\ndataset: data.jsonl\nscorers: [exactly]\n", "data.jsonl", "{\"input\": \"q\", \"target\": \"a\"}\n");
        var scorer = await RunInto(dir, suite, "--model", "mock");
        Assert.That(scorer.Error, Does.Contain("field 'scorers[0].name': unknown scorer 'exactly'"));

        var target = await RunInto(dir, "smoke", "--model", "gemini/pro");
        Assert.That(target.Error, Does.Contain("command line: error: field '--model': 'gemini/pro' is not a model"));
    }

    [Test]
    public async Task Duplicate_ids_and_missing_files()
    {
        using var dir = new TempDirectory();
        var duplicate = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", "{\"id\": \"a\", \"input\": \"q\", \"target\": \"a\"}\n{\"id\": \"a\", \"input\": \"q\", \"target\": \"a\"}\n");
        var dup = await RunInto(dir, duplicate, "--model", "mock");
        Assert.That(dup.Error, Does.Contain("data.jsonl:2: error: field 'id': duplicate sample id 'a' (first used on line 1)"));

        var missing = await RunInto(dir, dir.Combine("nowhere", "suite.yaml"), "--model", "mock");
        Assert.That(missing.Error, Does.Contain("is not a suite file, a suite directory"));
    }

    [TestCase("--shard", "3/2", "--shard: '3/2' is not valid; expected i/n with 1 <= i <= n")]
    [TestCase("--fail-on-error", "lots", "--fail-on-error: 'lots' is not valid; expected a count such as 0 or 10, or a share such as 0.05 or 5%")]
    [TestCase("--fail-on-error", "150%", "--fail-on-error: '150%' is not valid")]
    [TestCase("--cache-expiry", "5x", "--cache-expiry: '5x' is not valid; expected a duration")]
    [TestCase("--max-connections", "0", "--max-connections must be between 1 and 10000")]
    [TestCase("--max-connections", "1.5", "--max-connections: '1.5' is not valid; expected a whole number between 1 and 10000")]
    [TestCase("--max-retries", "-1", "--max-retries must be between 0 and 100")]
    [TestCase("--max-retries", "x", "--max-retries: 'x' is not valid; expected a whole number between 0 and 100")]
    [TestCase("--timeout", "0", "--timeout must be between 0.001 and 86400")]
    [TestCase("--timeout", "-1", "--timeout must be between 0.001 and 86400")]
    [TestCase("--timeout", "soon", "--timeout: 'soon' is not valid; expected a number between 0.001 and 86400")]
    [TestCase("--limit", "abc", "--limit: 'abc' is not valid; expected a whole number at least 1")]
    [TestCase("--epochs", "0", "--epochs must be between 1 and 10000")]
    public async Task Bad_flag_values(string flag, string value, string message)
    {
        using var dir = new TempDirectory();
        var run = await RunInto(dir, "smoke", "--model", "demo", flag, value);
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(run.Error, Does.Not.Contain("System."), "the accepted form, not a .NET type name");
    }

    [TestCase("--model", "demo", "mock")]
    [TestCase("--resume", "a", "b")]
    [TestCase("--shard", "1/2", "2/2")]
    public async Task A_single_value_flag_given_twice_is_a_clear_error_not_a_crash(string flag, string first, string second)
    {
        using var dir = new TempDirectory();
        string[] model = flag == "--model" ? [] : ["--model", "demo"];
        var run = await RunInto(dir, ["smoke", .. model, flag, first, flag, second]);
        Assert.That(run.Error, Does.Contain($"Option '{flag}' expects a single argument but 2 were provided"));
        Assert.That(run.All, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task Resume_of_a_directory_without_a_log()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("empty"));
        var run = await CliRun.InvokeAsync(["run", "--resume", dir.Combine("empty")]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("field '--resume'").And.Contain("holds no log.jsonl to resume"));
    }
}
