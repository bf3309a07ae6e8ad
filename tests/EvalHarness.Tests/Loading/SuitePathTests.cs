using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Loading;

/// <summary>
/// A suite reads only files inside the directory tree named on the command line (links followed); anything
/// else needs --allow-path, and the refusal says so with file, line and field.
/// </summary>
[TestFixture]
public sealed class SuitePathTests
{
    private const string Record = "{\"id\": \"a\", \"input\": \"q\", \"target\": \"a\"}\n";

    [Test]
    public async Task An_absolute_dataset_path_outside_the_suite_is_refused_with_the_flag_to_add()
    {
        using var dir = new TempDirectory();
        var suite = dir.File("suite/suite.yaml", "name: p\ndataset: {path: /etc/passwd, format: csv, delimiter: \":\"}\nscorers: [exact]\n");

        var run = await CliRun.InvokeAsync(["run", suite, "--model", "mock", "--out", dir.Combine("out")], reportsRoot: dir.Combine("reports"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error.Trim(), Does.Match(@"^\S*suite\.yaml:2:\d+: error: field 'dataset\.path': /etc/passwd lies outside \S*suite, and a suite may read only files inside the directory given on the command line; if you trust this suite, allow it with --allow-path /etc$"));
        Assert.That(run.Error, Does.Not.Contain("root"), "the file was not read");
        Assert.That(Directory.Exists(dir.Combine("out")) || Directory.Exists(dir.Combine("reports")), Is.False, "nothing written");
    }

    [TestCase("/etc/passwd")]
    [TestCase("/etc")]
    [TestCase("/etc/no-such-file.jsonl")]
    public async Task A_path_outside_the_tree_is_refused_as_outside_before_anything_else_is_said_about_it(string path)
    {
        // Saying "no extension", "is a directory" or "not found" would tell a suite what lies outside its tree.
        using var dir = new TempDirectory();
        var suite = dir.File("suite/suite.yaml", $"name: p\ndataset: {path}\nscorers: [exact]\n");

        var run = await CliRun.InvokeAsync(["validate", suite]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error.Trim(), Does.Match(@"^\S*suite\.yaml:2:\d+: error: field 'dataset\.path': \S+ lies outside \S*suite, .* --allow-path \S+$"));
    }

    [Test]
    public async Task Climbing_out_with_dot_dot_is_refused_and_allow_path_admits_it()
    {
        using var dir = new TempDirectory();
        dir.File("shared/data.jsonl", Record);
        var suite = dir.File("suite/suite.yaml", "name: p\ndataset: ../shared/data.jsonl\nscorers: [exact]\n");

        var refused = await CliRun.InvokeAsync(["validate", suite]);
        var allowed = await CliRun.InvokeAsync(["validate", suite, "--allow-path", dir.Combine("shared")]);

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadInput), refused.All);
        Assert.That(refused.Error, Does.Contain("suite.yaml:2:1: error: field 'dataset.path':").And.Contain("--allow-path " + dir.Combine("shared")));
        Assert.That(allowed.ExitCode, Is.EqualTo(ExitCodes.Ok), allowed.All);
    }

    [Test]
    public async Task A_link_inside_the_suite_that_points_out_of_it_is_outside()
    {
        using var dir = new TempDirectory();
        var secret = dir.File("private/notes.jsonl", Record);
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite.Replace("data.jsonl", "notes.jsonl", StringComparison.Ordinal), "unused.jsonl", Record);
        File.CreateSymbolicLink(dir.Combine("suite", "notes.jsonl"), secret);
        Directory.CreateSymbolicLink(dir.Combine("suite", "inner"), dir.Combine("private"));
        var viaDirectory = dir.File("suite2/suite.yaml", "name: q\ndataset: inner/notes.jsonl\nscorers: [exact]\n");
        Directory.CreateSymbolicLink(dir.Combine("suite2", "inner"), dir.Combine("private"));

        var byFile = await CliRun.InvokeAsync(["validate", suite]);
        var byDirectory = await CliRun.InvokeAsync(["validate", viaDirectory]);

        Assert.That(byFile.ExitCode, Is.EqualTo(ExitCodes.BadInput), byFile.All);
        Assert.That(byFile.Error, Does.Contain("field 'dataset'").Or.Contain("field 'dataset.path'"));
        Assert.That(byFile.Error, Does.Contain($"(through a link, to {secret})").And.Contain("--allow-path " + dir.Combine("private")));
        Assert.That(byDirectory.ExitCode, Is.EqualTo(ExitCodes.BadInput), byDirectory.All);
        Assert.That(byDirectory.Error, Does.Contain("through a link"));
    }

    [Test]
    public async Task A_link_that_stays_inside_the_tree_is_fine()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite.Replace("data.jsonl", "current.jsonl", StringComparison.Ordinal), "v2/data.jsonl", Record);
        File.CreateSymbolicLink(dir.Combine("suite", "current.jsonl"), "v2/data.jsonl");

        var run = await CliRun.InvokeAsync(["validate", suite]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
    }

    [Test]
    public async Task Suites_named_by_their_parent_directory_may_share_files_in_it()
    {
        using var dir = new TempDirectory();
        dir.File("suites/common/data.jsonl", Record);
        dir.File("suites/one/suite.yaml", "name: one\ndataset: ../common/data.jsonl\nscorers: [exact]\n");
        dir.File("suites/two/suite.yaml", "name: two\ndataset: ../common/data.jsonl\nscorers: [exact]\n");

        var together = await CliRun.InvokeAsync(["validate", dir.Combine("suites")]);
        var alone = await CliRun.InvokeAsync(["validate", dir.Combine("suites", "one")]);

        Assert.That(together.ExitCode, Is.EqualTo(ExitCodes.Ok), together.All);
        Assert.That(alone.ExitCode, Is.EqualTo(ExitCodes.BadInput), "named alone, the suite's tree is its own directory");
        Assert.That(alone.Error, Does.Contain("--allow-path"));
    }

    [Test]
    public async Task Demo_recordings_outside_the_suite_are_refused_too()
    {
        using var dir = new TempDirectory();
        dir.File("elsewhere/demo.jsonl", "{\"id\": \"a\", \"output\": \"a\"}\n");
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite + "\ndemo_recordings: ../elsewhere/demo.jsonl\n", "data.jsonl", Record);

        var refused = await CliRun.InvokeAsync(["run", suite, "--model", "demo", "--out", dir.Combine("out")]);
        var allowed = await CliRun.InvokeAsync(["run", suite, "--model", "demo", "--out", dir.Combine("allowed"), "--allow-path", dir.Combine("elsewhere")]);

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadInput), refused.All);
        Assert.That(refused.Error, Does.Contain("suite.yaml:6:1: error: field 'demo_recordings':").And.Contain("--allow-path"));
        Assert.That(Directory.Exists(dir.Combine("out")), Is.False, "nothing written");
        Assert.That(allowed.ExitCode, Is.EqualTo(ExitCodes.Ok), allowed.All);
    }

    [Test]
    public async Task A_replay_file_named_on_the_command_line_is_the_users_choice_and_may_lie_anywhere()
    {
        using var dir = new TempDirectory();
        var recordings = dir.File("elsewhere/answers.jsonl", "{\"id\": \"a\", \"output\": \"a\"}\n");
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", Record);

        var run = await CliRun.InvokeAsync(["run", suite, "--model", "replay:" + recordings, "--out", dir.Combine("out")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
    }

    [Test]
    public async Task An_allowed_path_that_does_not_exist_is_a_command_line_error()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.InvokeAsync(["validate", SuiteFiles.Arithmetic(dir, 2), "--allow-path", dir.Combine("nowhere")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain("--allow-path: '" + dir.Combine("nowhere") + "' does not exist"));
    }

    [Test]
    public async Task The_bundled_suites_and_the_documented_example_still_validate()
    {
        var run = await CliRun.InvokeAsync(["validate", RepoPaths.Suites, Path.Combine(RepoPaths.Root, "docs", "examples", "capitals")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
    }
}
