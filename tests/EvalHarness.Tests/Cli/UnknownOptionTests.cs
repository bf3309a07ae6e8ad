using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>A misspelt or made-up flag is named as such, with the flag that was probably meant, instead of being taken for a suite or run directory.</summary>
[TestFixture]
public sealed class UnknownOptionTests
{
    [TestCase(new[] { "run", "smoke", "--model", "demo", "--modle", "x" }, "unknown option '--modle' (did you mean '--model'?)")]
    [TestCase(new[] { "run", "smoke", "--model", "demo", "--verbose" }, "unknown option '--verbose'")]
    [TestCase(new[] { "run", "smoke", "--model", "demo", "--limt=3" }, "unknown option '--limt' (did you mean '--limit'?)")]
    [TestCase(new[] { "validate", "--verbose", "smoke" }, "unknown option '--verbose'")]
    [TestCase(new[] { "validate", "smoke", "--modle", "x" }, "unknown option '--modle'")]
    [TestCase(new[] { "merge", "a", "b", "--out", "c", "--ot", "d" }, "unknown option '--ot' (did you mean '--out'?)")]
    [TestCase(new[] { "report", "--compre", "a", "b" }, "unknown option '--compre' (did you mean '--compare'?)")]
    [TestCase(new[] { "report", "a", "--lnag", "ja" }, "unknown option '--lnag' (did you mean '--lang'?)")]
    public async Task An_unknown_option_is_one_error_naming_it(string[] args, string message)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        var lines = run.Error.TrimEnd().Split('\n');
        Assert.That(lines[0], Is.EqualTo("error: " + message), run.Error);
        Assert.That(lines, Has.Length.EqualTo(2), "the error and where to find usage; nothing about suites or logs named after the flag");
        Assert.That(lines[1], Does.StartWith($"Run 'evalh {args[0]} --help'"));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public async Task A_suite_name_starting_with_a_dash_is_given_after_double_dash()
    {
        var run = await CliRun.InvokeAsync(["validate", "--", "-odd-name"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("'-odd-name' is not a suite file, a suite directory or the name of a suite"), "taken as a suite, not as an option");
        Assert.That(run.Error, Does.Not.Contain("unknown option"));
    }

    [Test]
    public async Task Negative_option_values_and_help_are_not_unknown_options()
    {
        var negative = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--max-retries", "-1"]);
        var help = await CliRun.InvokeAsync(["run", "--verbose", "--help"]);

        Assert.That(negative.Error, Does.Contain("--max-retries must be between 0 and 100").And.Not.Contain("unknown option"));
        Assert.That(help.ExitCode, Is.EqualTo(ExitCodes.Ok), "--help still shows help");
        Assert.That(help.Out, Does.Contain("--model"));
    }
}
