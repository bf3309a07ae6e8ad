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
        var row = run.Out.Split('\n').Single(l => l.StartsWith("s  ", StringComparison.Ordinal) && l.Contains("(all)", StringComparison.Ordinal) && l.Contains("pass", StringComparison.Ordinal));
        Assert.That(row, Does.Contain("accuracy").And.Contain("100.0%").And.Contain("69.2%").And.Contain("-30.8 pp [").And.Contain("McNemar exact"));
        Assert.That(row, Does.EndWith(" regression"));
        Assert.That(run.Out, Does.Contain("* adjusted p < 0.05"), "the marker's legend");
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
        Assert.That(overall["metric"]!.GetValue<string>(), Is.EqualTo("accuracy"));
        Assert.That(overall["significant"]!.GetValue<bool>(), Is.True);
        Assert.That(json["resamples"]!.GetValue<int>(), Is.EqualTo(2000));
        Assert.That(JsonNode.Parse(File.ReadAllText(file))!["rows"]!.AsArray(), Has.Count.EqualTo(json["rows"]!.AsArray().Count));
    }

    [Test]
    public async Task The_table_s_columns_line_up_in_plain_text_whatever_the_cell_widths()
    {
        using var dir = new TempDirectory();
        Func<int, string> category = i => i % 3 == 0 ? "x" : i % 3 == 1 ? "a-much-longer-category" : "日本語";
        var a = CompareLogs.Write(dir.Combine("a"), CompareLogs.Log("run-a", CompareLogs.Passing(60, category: category)));
        var b = CompareLogs.Write(dir.Combine("b"), CompareLogs.Log("run-b", CompareLogs.Passing(60, failing: Enumerable.Range(0, 20), grade: i => 0.3 + (i % 7 / 10.0), category: category)));

        var run = await CliRun.InvokeAsync(["compare", a, b]);

        var lines = run.Out.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("suite  scorer", StringComparison.Ordinal));
        var table = lines.Skip(start).TakeWhile(l => l.Length > 0).ToList();
        var header = table[0];
        Assert.That(table, Has.Count.EqualTo(1 + 8), "pass and grade, overall and in three categories");
        foreach (var line in table.Skip(1))
        {
            var width = line.Sum(c => c is >= '\u3000' and <= '\u9fff' ? 2 : 1);
            var offset = line.Length - width;
            // Left-aligned columns start where their heading starts (after any double-width text earlier in the line).
            Assert.That(line[header.IndexOf("scorer", StringComparison.Ordinal)..], Does.StartWith("pass").Or.StartWith("grade"), line);
            Assert.That(line[header.IndexOf("metric", StringComparison.Ordinal)..], Does.StartWith("accuracy").Or.StartWith("mean"), line);
            Assert.That(line[(header.IndexOf("test", StringComparison.Ordinal) + offset)..], Does.StartWith("McNemar exact").Or.StartWith("Wilcoxon"), line);
            Assert.That(line[(header.IndexOf("verdict", StringComparison.Ordinal) + offset)..], Does.StartWith("regression").Or.StartWith("improvement").Or.StartWith("no significant change").Or.StartWith("too few"), line);
            // Right-aligned numbers end where their heading ends.
            var adjustedEnd = header.IndexOf("adj. p", StringComparison.Ordinal) + "adj. p".Length + offset;
            Assert.That(line[adjustedEnd - 1], Is.Not.EqualTo(' '), line);
            Assert.That(line[adjustedEnd], Is.EqualTo(' '), line);
        }
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

        var resamples = await CliRun.InvokeAsync(["compare", a, a, "--resamples", "5"]);

        Assert.That(resamples.ExitCode, Is.EqualTo(2));
        Assert.That(resamples.Error, Does.Contain("--resamples must be between 100 and 1000000"));
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(missing.Error, Does.Contain("not a run"));
        Assert.That(junk.ExitCode, Is.EqualTo(2), junk.All);
        Assert.That(junk.Out, Is.Empty);
    }
}
