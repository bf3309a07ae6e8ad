using System.Globalization;
using System.Text.RegularExpressions;
using EvalHarness.Cli;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Aisev;

/// <summary>
/// J-AISI's six preset CSVs, read from the shared directory as published, run end to end with `evalh run file.csv
/// --gsn DIR`: the model answers each row, a scripted judge passes exactly the even data rows, and the scores must be
/// the ones aisev's formulas give for that pattern.
/// </summary>
/// <remarks>
/// The expected values were computed independently of this code, in Python, from aisev's scoring and GSN weighting
/// as read in its repository (per-perspective = 100 × mean row score; GSN = 100 × Σ leaf accuracy × leaf weight over
/// the covered leaves, weights the products of scoreRate from the top goal down): the "every even data row passes"
/// table of the aisev notes. Fractions are written as the exact values those decimals are.
/// </remarks>
[TestFixture]
public sealed partial class AisevPresetEndToEndTests
{
    private static IEnumerable<TestCaseData> Presets() =>
    [
        Preset("01_aisi_toxic_v0.1.csv", "toxic_output", "Toxic", 120, 50, 37.4945, 0.7201),
        Preset("02_aisi_misinformation_v0.1.csv", "misinformation", "Misinfo", 12, 50, 239.0 / 15, 0.349),
        Preset("03_aisi_fairness_v0.1.csv", "fairness", "Fairness", 108, 50, 42, 0.9),
        Preset("06_aisi_security_v0.1.csv", "security", "Security", 6, 50, 40.0 / 3, 0.25),
        Preset("07_aisi_explainability_v0.1.csv", "explainability", "Explain", 3, 100.0 / 3, 28.0 / 3, 0.28),
        Preset("08_aisi_robustness_v0.1.csv", "robustness", "Robustness", 9, 400.0 / 9, 169.0 / 6, 0.65),
    ];

    [TestCaseSource(nameof(Presets))]
    public async Task A_preset_runs_unchanged_and_its_perspective_and_gsn_scores_are_aisev_s(string file, string perspective, string idPrefix, int rows, double score, double gsn, double covered)
    {
        using var dir = new TempDirectory();
        var csv = Path.Combine(AisevRuns.Presets, file);
        var texts = DataRowTexts(csv);
        Assert.That(texts, Has.Count.EqualTo(rows));
        var rowOf = texts.Select((t, i) => (t, i + 1)).ToDictionary(p => p.t, p => p.Item2, StringComparer.Ordinal);
        await using var model = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(rowOf.TryGetValue(r.LastUserMessage, out var n) ? $"answer to row {n}" : "a question not in the file"));
        await using var judge = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(RowOf(JudgeRequests.Answer(r)) % 2 == 0 ? "基準を満たしている。\nGRADE: C" : "基準を満たしていない。\nGRADE: I"));

        var (cli, output) = await AisevRuns.RunAsync(dir, csv, model, judge, "--gsn", AisevRuns.Presets);

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        Assert.That(model.Requests.Select(r => r.LastUserMessage), Is.EquivalentTo(texts), "each row's text is sent verbatim, once");
        Assert.That(judge.Requests, Has.Count.EqualTo(rows));

        var results = AisevRuns.Results(output);
        var suite = results.Suites.Single();
        var group = suite.Groups.Single(g => g.Key == "perspective");
        Assert.That(group.Value, Is.EqualTo(perspective));
        foreach (var metrics in new[] { group.Metrics, suite.Metrics })
        {
            Assert.That(AisevRuns.Metric(metrics, "requirement", "aisev_score").Value, Is.EqualTo(score).Within(1e-9));
            Assert.That(AisevRuns.Metric(metrics, "requirement", "aisev_gsn").Value, Is.EqualTo(gsn).Within(1e-9));
            Assert.That(AisevRuns.Metric(metrics, "requirement", "aisev_gsn_coverage").Value, Is.EqualTo(covered).Within(1e-9));
            Assert.That(AisevRuns.Metric(metrics, "requirement", "accuracy").Value, Is.EqualTo(score / 100).Within(1e-9), "our own metric stays beside aisev's");
        }

        // The weights are in the log, so results rebuilt from the log alone (what `evalh report` does) are the same.
        var log = AisevRuns.Log(output);
        var rebuilt = new ResultsBuilder(Composition.Catalog).Build(log).Suites.Single().Groups.Single(g => g.Key == "perspective");
        Assert.That(AisevRuns.Metric(rebuilt.Metrics, "requirement", "aisev_gsn").Value, Is.EqualTo(gsn).Within(1e-9));
        Assert.That(log.Samples.Select(s => s.Id), Is.EquivalentTo(Enumerable.Range(1, rows).Select(i => $"{idPrefix}_{i}")), "aisev's own ids for the preset rows");
        Assert.That(log.Samples, Has.All.Matches<EvalHarness.Logs.SampleRecord>(s => s!.Metadata.ContainsKey("gsn_weight") && s.Metadata["gsn_leaf"] == s.Metadata["gsn_perspective"]));
        Assert.That(log.Header.Suites.Single().Files.Select(f => Path.GetFileName(f.Path)), Has.Some.EndsWith("_GSN.yaml"), "the GSN file the weights came from is recorded with its hash");

        Assert.That(cli.Out, Does.Contain($"({perspective}): requirement {score.ToString("0.####", CultureInfo.InvariantCulture)} n={rows}, GSN-weighted {gsn.ToString("0.####", CultureInfo.InvariantCulture)}"));
    }

    [Test]
    public async Task The_requirement_judge_is_asked_in_japanese_with_the_row_s_question_answer_and_requirement()
    {
        using var dir = new TempDirectory();
        var csv = Path.Combine(AisevRuns.Presets, "07_aisi_explainability_v0.1.csv");
        await using var model = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("モデルの回答"));
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("GRADE: C"));

        var (cli, output) = await AisevRuns.RunAsync(dir, csv, model, judge);

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        Assert.That(RubricCatalog.BuiltIn.TryGet("aisev-requirement", "ja", out var rubric), Is.True);
        var sample = AisevRuns.Log(output).Samples.Single(s => s.Id == "Explain_1");
        var request = judge.Requests.First(r => JudgeRequests.Prompt(r)!.Contains(sample.Metadata["requirement"], StringComparison.Ordinal));
        var prompt = JudgeRequests.Prompt(request)!;
        Assert.That(prompt, Does.StartWith(rubric!.Template[..rubric.Template.IndexOf('\n', StringComparison.Ordinal)]));
        Assert.That(prompt, Does.Contain("<question>\n" + sample.Input.Single().Content + "\n</question>"));
        Assert.That(prompt, Does.Contain("<answer>\nモデルの回答\n</answer>"));
        Assert.That(prompt, Does.Contain("<criterion>\n" + sample.Metadata["requirement"] + "\n</criterion>"));
        Assert.That(AisevRuns.Results(output).Suites.Single().Metrics.Select(m => m.Metric), Does.Not.Contain("aisev_gsn"), "no GSN score without --gsn");
        Assert.That(cli.Out, Does.Contain("説明可能性 (explainability): requirement 100 n=3"));
    }

    [Test]
    public async Task A_directory_of_presets_runs_as_one_suite_per_file()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("answer to row 2"));
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("GRADE: C"));

        var (cli, output) = await AisevRuns.RunAsync(dir, AisevRuns.Presets, model, judge, "--limit", "2");

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        Assert.That(AisevRuns.Results(output).Suites.Select(s => s.Name), Is.EqualTo(new[]
        {
            "01_aisi_toxic_v0.1", "02_aisi_misinformation_v0.1", "03_aisi_fairness_v0.1", "06_aisi_security_v0.1", "07_aisi_explainability_v0.1", "08_aisi_robustness_v0.1",
        }));
        Assert.That(model.Requests, Has.Count.EqualTo(12));
    }

    private static TestCaseData Preset(string file, string perspective, string idPrefix, int rows, double score, double gsn, double covered) =>
        new TestCaseData(file, perspective, idPrefix, rows, score, gsn, covered).SetArgDisplayNames(file);

    /// <summary>The presets quote no cell (checked here), so a data row is its line split at commas; text is the fourth column.</summary>
    private static List<string> DataRowTexts(string csv)
    {
        var lines = File.ReadAllLines(csv);
        Assert.That(lines[0], Is.EqualTo("ten_perspective,scorer,requirement,text,gsn_perspective"));
        Assert.That(lines, Has.None.Contains("\""));
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(cells =>
        {
            Assert.That(cells, Has.Length.EqualTo(5));
            return cells[3];
        }).ToList();
    }

    private static int RowOf(string answer) => RowNumber().Match(answer) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"answer to row (\d+)")]
    private static partial Regex RowNumber();
}
