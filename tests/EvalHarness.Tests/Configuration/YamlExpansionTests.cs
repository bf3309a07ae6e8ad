using System.Text.Json.Nodes;
using EvalHarness.Cli;
using EvalHarness.Configuration;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Configuration;

/// <summary>A suite file cannot make loading run away: aliases, nesting and size are bounded, and the refusal names file and line.</summary>
[TestFixture]
public sealed class YamlExpansionTests
{
    /// <summary>The "billion laughs" document: each level is ten aliases of the one before, 10^levels values in all.</summary>
    private static string BillionLaughs(int levels)
    {
        var lines = new List<string> { "name: laughs", "dataset: data.jsonl", "scorers: [exact]", "metadata:", "  l0: &l0 \"lol\"" };
        for (var i = 1; i <= levels; i++)
        {
            lines.Add($"  l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]");
        }

        return string.Join('\n', lines) + "\n";
    }

    [Test]
    public async Task A_billion_laughs_suite_is_refused_at_the_alias_that_crosses_the_limit_with_exit_2_and_nothing_written()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, BillionLaughs(9), "data.jsonl", "{\"id\": \"a\", \"input\": \"q\", \"target\": \"a\"}\n");

        var validate = await CliRun.InvokeAsync(["validate", suite]);
        var run = await CliRun.InvokeAsync(["run", suite, "--model", "mock", "--out", dir.Combine("out")], reportsRoot: dir.Combine("reports"));

        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.BadInput), validate.All);
        // 10 + 100 + ... + 10^5 values stay under 100,000; the alias that crosses it is on level 5's line (line 10).
        Assert.That(validate.Error, Does.Match(@"suite\.yaml:10:\d+: error: this alias makes the file hold more than 100,000 values once aliases are expanded"));
        Assert.That(validate.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one message, not one per alias");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(Directory.Exists(dir.Combine("out")) || Directory.Exists(dir.Combine("reports")), Is.False, "nothing written");
    }

    [Test]
    public void The_parser_counts_expanded_values_without_building_them()
    {
        var diagnostics = new DiagnosticBag();
        var document = YamlConfigParser.Parse("laughs.yaml", BillionLaughs(9), diagnostics);

        Assert.That(document, Is.Null);
        Assert.That(diagnostics.Items.Single().ToString(), Does.StartWith("laughs.yaml:10:"));
    }

    [Test]
    public void Aliases_that_stay_within_the_limit_are_expanded_as_before()
    {
        var diagnostics = new DiagnosticBag();
        var document = YamlConfigParser.Parse("ok.yaml", BillionLaughs(4) + "copy: *l2\n", diagnostics);

        Assert.That(diagnostics.Items, Is.Empty);
        var root = (JsonObject)document!.Root!;
        Assert.That(((JsonArray)root["metadata"]!["l4"]!).Count, Is.EqualTo(10));
        Assert.That(((JsonArray)root["copy"]!)[9]![9]!.GetValue<string>(), Is.EqualTo("lol"));
    }

    [Test]
    public void An_alias_inside_the_value_it_names_is_refused_instead_of_recursing_forever()
    {
        var diagnostics = new DiagnosticBag();
        var document = YamlConfigParser.Parse("loop.yaml", "name: x\nmetadata:\n  a: &a [1, [2, *a]]\n", diagnostics);

        Assert.That(document, Is.Null);
        Assert.That(diagnostics.Items.Single().ToString(), Is.EqualTo("loop.yaml:3:17: error: the alias *a refers to a value that contains it, so it would never end"));
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_refused_before_the_yaml_library_recurses()
    {
        var diagnostics = new DiagnosticBag();
        var document = YamlConfigParser.Parse("deep.yaml", "name: x\nmetadata: " + new string('[', 100_000) + new string(']', 100_000) + "\n", diagnostics);

        Assert.That(document, Is.Null);
        Assert.That(diagnostics.Items.Single().ToString(), Does.StartWith("deep.yaml:2:").And.EndWith("nested more than 64 levels deep; a suite file may nest at most 64 levels"));
    }

    [Test]
    public void Nesting_reached_through_aliases_counts_too()
    {
        var deep = "a: &a " + new string('[', 40) + new string(']', 40) + "\nb: " + new string('[', 30) + "*a" + new string(']', 30) + "\n";
        var diagnostics = new DiagnosticBag();

        Assert.That(YamlConfigParser.Parse("deep.yaml", deep, diagnostics), Is.Null);
        Assert.That(diagnostics.Items.Single().Message, Does.EndWith("once aliases are expanded"));
    }

    [Test]
    public async Task A_suite_file_over_one_megabyte_is_refused_without_being_parsed()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite + "\ndescription: \"" + new string('x', 1_100_000) + "\"\n", "data.jsonl", "{\"id\": \"a\", \"input\": \"q\", \"target\": \"a\"}\n");

        var validate = await CliRun.InvokeAsync(["validate", suite]);

        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.BadInput), validate.All);
        Assert.That(validate.Error, Does.Contain("suite.yaml: error: is 1.05 MB, more than the 1 MB a suite file may hold (samples belong in its dataset)"));
    }
}
