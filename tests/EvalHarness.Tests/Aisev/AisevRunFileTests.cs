using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Aisev;

/// <summary>An aisev run is a run like any other: it resumes from its log, and the reader also serves suite files.</summary>
[TestFixture]
public sealed class AisevRunFileTests
{
    [Test]
    public async Task A_run_with_gsn_resumes_with_the_same_gsn_files_and_is_refused_without_them()
    {
        using var dir = new TempDirectory();
        var csv = Path.Combine(AisevRuns.Presets, "07_aisi_explainability_v0.1.csv");
        await using var model = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("回答"));
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("GRADE: C"));
        var (first, output) = await AisevRuns.RunAsync(dir, csv, model, judge, "--gsn", AisevRuns.Presets);
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.All);
        var key = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-aisev-test-5d7f9b1c3e" };

        var with = await CliRun.InvokeAsync(["run", "--resume", output, "--gsn", AisevRuns.Presets, "--no-cache"], key);
        var without = await CliRun.InvokeAsync(["run", "--resume", output, "--no-cache"], key);

        Assert.That(with.ExitCode, Is.EqualTo(ExitCodes.Ok), with.All);
        Assert.That(with.Out, Does.Contain("already complete"));
        Assert.That(without.ExitCode, Is.EqualTo(ExitCodes.BadInput), without.All);
        Assert.That(without.Error, Does.Contain("07_Explainability_GSN.yaml: error: changed since the run started"));
    }

    [Test]
    public async Task A_suite_file_can_read_an_aisev_csv_and_define_the_scorers_its_rows_name()
    {
        using var dir = new TempDirectory();
        dir.File("s/data.csv", "ten_perspective,scorer,requirement,text,gsn_perspective\nロバスト性,requirement,誤字を補正する,こにゃくとは？,G8-7\n");
        var suite = dir.File("s/suite.yaml", "name: s\nlanguage: ja\ndataset: {path: data.csv, format: aisev}\nscorers:\n  - {id: requirement, name: judge, options: {rubric: aisev-requirement}, metrics: [accuracy, aisev_score]}\n");

        var run = await CliRun.InvokeAsync(["validate", suite]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(run.Out, Does.Contain("ok: s (").And.Contain("1 samples, scorers requirement"));
    }
}
