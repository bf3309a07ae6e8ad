using System.Text.RegularExpressions;
using EvalHarness.Cli;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>
/// The worked example in docs/suite-format.md is what new users copy first: its files must match the
/// text and must validate and run as the page says.
/// </summary>
[TestFixture]
public sealed partial class DocumentedExampleTests
{
    private static string Example => Path.Combine(RepoPaths.Root, "docs", "examples", "capitals");

    [Test]
    public void The_example_files_are_the_blocks_printed_in_the_suite_format_page()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "suite-format.md"));
        var blocks = CodeBlock().Matches(page).Select(m => m.Groups["body"].Value).ToList();

        Assert.That(blocks[0], Is.EqualTo(File.ReadAllText(Path.Combine(Example, "suite.yaml"))));
        Assert.That(blocks[1], Is.EqualTo(File.ReadAllText(Path.Combine(Example, "data.jsonl"))));
    }

    [Test]
    public async Task The_example_validates_and_runs_on_its_demo_recordings()
    {
        using var dir = new TempDirectory();

        var validate = await CliRun.InvokeAsync(["validate", Example]);
        var run = await CliRun.InvokeAsync(["run", Example, "--model", "demo", "--out", dir.Combine("run")]);

        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Ok), validate.All);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        var results = ResultsFile.Read(dir.Combine("run", "results.json"));
        var suite = results.Suites.Single();
        Assert.That(suite.Counts.Errored, Is.Zero);
        Assert.That(suite.Counts.Scored, Is.EqualTo(3));
    }

    [GeneratedRegex("```(?:yaml|json)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
