using System.Text.Json.Nodes;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Comparison;

[TestFixture]
public sealed class CompareCommandTests
{
    private static (string A, string B) Runs(TempDirectory dir, string shaB = "00")
    {
        var a = CompareLogs.Write(dir.Combine("a"), CompareLogs.Log("run-a", CompareLogs.Passing(40)));
        var bRecords = CompareLogs.Passing(39, failing: Enumerable.Range(0, 12)).Append(CompareLogs.Record("only-b", 1)).ToList();
        var b = CompareLogs.Write(dir.Combine("b"), CompareLogs.Log("run-b", bRecords, CompareLogs.Suite(sha: shaB)));
        return (a, b);
    }

    [Test]
    public async Task The_table_names_the_regression_the_unpaired_samples_and_a_differing_suite_and_exits_zero()
    {
        using var dir = new TempDirectory();
        var (a, b) = Runs(dir, shaB: "11");

        var run = await CliRun.InvokeAsync(["compare", a, b]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        Assert.That(run.Out, Does.Contain("s  pass  (all)  39  1.000  0.692"));
        Assert.That(run.Out, Does.Contain(" regression"));
        Assert.That(run.Out, Does.Contain("1 samples only in A, not paired (s039)"));
        Assert.That(run.Out, Does.Contain("1 samples only in B, not paired (only-b)"));
        Assert.That(run.Out, Does.Contain("scored by different suite versions"));
        Assert.That(run.Out, Does.Contain("Holm adjustment"));
    }

    [Test]
    public async Task Json_goes_to_standard_output_and_to_the_out_file()
    {
        using var dir = new TempDirectory();
        var (a, b) = Runs(dir);
        var file = dir.Combine("compare.json");

        var run = await CliRun.InvokeAsync(["compare", a, b, "--format", "json", "--out", file, "--correction", "bh", "--alpha", "0.01", "--seed", "3"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        var json = JsonNode.Parse(run.Out)!;
        Assert.That(json["schema"]!.GetValue<string>(), Is.EqualTo("evalharness.compare/1"));
        Assert.That(json["seed"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(json["options"]!["correction"]!.GetValue<string>(), Is.EqualTo("fdr_bh"));
        var overall = json["rows"]!.AsArray().Single(r => r!["scorer"]!.GetValue<string>() == "pass" && r["group"] is null)!;
        Assert.That(overall["verdict"]!.GetValue<string>(), Is.EqualTo("regression"));
        Assert.That(overall["p_value"]!.GetValue<double>(), Is.EqualTo(2.0 / 4096).Within(1e-12));
        Assert.That(JsonNode.Parse(File.ReadAllText(file))!["rows"]!.AsArray(), Has.Count.EqualTo(json["rows"]!.AsArray().Count));
    }

    [Test]
    public async Task A_missing_directory_or_a_file_that_is_no_run_log_exits_two_with_one_line()
    {
        using var dir = new TempDirectory();
        var (a, _) = Runs(dir);
        Directory.CreateDirectory(dir.Combine("junk"));
        File.WriteAllText(dir.Combine("junk", "log.jsonl"), "not json\n");

        var missing = await CliRun.InvokeAsync(["compare", a, dir.Combine("nowhere")]);
        var junk = await CliRun.InvokeAsync(["compare", dir.Combine("junk"), a]);

        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(missing.Error, Does.Contain("not a run"));
        Assert.That(junk.ExitCode, Is.EqualTo(2), junk.All);
        Assert.That(junk.Out, Is.Empty);
    }
}
