using EvalHarness.Cli.Commands;
using EvalHarness.Logs;
using EvalHarness.Tests.Rescoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence.Rescoring;

/// <summary>
/// A judge with a rubric file the user wrote: its hash is checked when the pack holds the file, reported as not
/// checked (not a difference) when it does not, and its verdicts are never asked for again.
/// </summary>
[TestFixture]
public sealed class RescoreCheckUserRubricTests
{
    [Test]
    public async Task A_user_rubric_is_hashed_when_the_pack_holds_it_and_reported_as_not_checked_when_it_does_not()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir, "strict.md"), model, judge);
        var judgeCalls = judge.Requests.Count;
        var pack = PackedRun.Extract(run, dir);
        var source = RunLogReader.Read(pack.LogPath).Header.Suites.Single().Scorers.Single(s => s.Id == "req").Resources!.Single().Source;
        var rubric = dir.File(Path.Combine("rubrics", "strict.md"), File.ReadAllText(dir.Combine("suite", "strict.md")));

        var without = RescoreCheck.Run(pack.RunDirectory, pack.SuiteFiles, null, CancellationToken.None);
        var with = RescoreCheck.Run(pack.RunDirectory, pack.SuiteFiles, new Dictionary<string, string> { [source] = rubric }, CancellationToken.None);
        File.AppendAllText(rubric, "\nGrade generously.\n");
        var changed = RescoreCheck.Run(pack.RunDirectory, pack.SuiteFiles, new Dictionary<string, string> { [source] = rubric }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(without.Differences, Is.Empty);
            Assert.That(without.NotChecked.Select(n => n.ToString()), Is.EqualTo(new[] { $"suite judged, scorer req: user rubric strict (en) ({source}): not checked (not in the pack)" }));
            Assert.That(without.ScorersRescored, Is.EqualTo(1), "includes is re-scored all the same");
            Assert.That(with.Differences, Is.Empty);
            Assert.That(with.NotChecked, Is.Empty);
            Assert.That(with.ResourcesChecked, Is.EqualTo(1));
            Assert.That(with.JudgeScorersFromLog, Is.EqualTo(1));
            Assert.That(changed.Differences.Select(d => d.ToString()), Has.One.Match($"^suite judged, scorer req: rubric strict \\(en\\) \\({System.Text.RegularExpressions.Regex.Escape(source)}\\): SHA-256 [0-9a-f]{{64}} differs from the log header's [0-9a-f]{{64}}$"));
            Assert.That(judge.Requests, Has.Count.EqualTo(judgeCalls), "no verdict was asked for again");
        });
    }

    [Test]
    public void A_run_directory_without_a_readable_log_is_a_difference_naming_the_file()
    {
        using var dir = new TempDirectory();

        var differences = RescoreCheck.Differences(dir.Path, new Dictionary<string, string>(), CancellationToken.None);

        Assert.That(differences, Has.Some.StartWith("log.jsonl: cannot be read: "));
        Assert.That(differences, Has.Some.StartWith("results.json: cannot be read: "));
    }
}
