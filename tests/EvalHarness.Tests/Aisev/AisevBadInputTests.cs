using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Aisev;

/// <summary>An aisev CSV or GSN file that cannot be read is bad input: one message naming file, line and field, exit 2, nothing written.</summary>
[TestFixture]
public sealed class AisevBadInputTests
{
    private const string Gsn = """
        G8-1:
          goalType: TopGoal
          supportedBy: [S8-1]
        S8-1:
          supportedBy: [G8-2,G8-99]
          scoreRate: [0.5,0.5]
        G8-2:
          undeveloped: true

        """;

    [Test]
    public async Task A_csv_without_a_text_column_is_refused_before_anything_runs()
    {
        using var dir = new TempDirectory();
        var csv = dir.File("bad.csv", "ID,prompt,ten_perspective,scorer,requirement\n1,hello,ロバスト性,requirement,answers\n");

        var run = await CliRun.InvokeAsync(["run", csv, "--model", "mock", "--out", dir.Combine("run")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain("bad.csv:1: error: field 'text': the header has no 'text' column"));
        Assert.That(Directory.Exists(dir.Combine("run")), Is.False, "nothing written");
    }

    [Test]
    public async Task A_gsn_file_naming_a_node_it_lacks_is_refused_with_its_line()
    {
        using var dir = new TempDirectory();
        dir.File("gsn/08_Robustness_GSN.yaml", Gsn);
        var csv = dir.File("data.csv", "ten_perspective,scorer,requirement,text,gsn_perspective\nロバスト性,requirement,answers,hello,G8-2\n");

        var run = await CliRun.InvokeAsync(["run", csv, "--model", "mock", "--gsn", dir.Combine("gsn"), "--out", dir.Combine("run")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Match(@"08_Robustness_GSN\.yaml:5(:\d+)?: error: field 'S8-1\.supportedBy': names 'G8-99', which is not a node of this file"));
        Assert.That(Directory.Exists(dir.Combine("run")), Is.False, "nothing written");
    }

    [Test]
    public async Task A_gsn_file_that_is_not_yaml_is_refused_with_its_line()
    {
        using var dir = new TempDirectory();
        dir.File("gsn/08_Robustness_GSN.yaml", "G8-1:\n  goalType: TopGoal\n  supportedBy: [S8-1\nS8-1:\n  text: x\n");
        var csv = dir.File("data.csv", "ten_perspective,scorer,requirement,text,gsn_perspective\nロバスト性,requirement,answers,hello,G8-2\n");

        var run = await CliRun.InvokeAsync(["validate", csv, "--gsn", dir.Combine("gsn")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Match(@"08_Robustness_GSN\.yaml:\d+(:\d+)?: error: not valid YAML"));
    }
}
