using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Rescoring;

/// <summary>
/// `evalh score` applies new or changed scorers to the answers a run recorded: a new run directory whose
/// header names the run and the exact log it was scored from, and whose results follow from its log.
/// </summary>
[TestFixture]
public sealed class ScoreCommandTests
{
    private const string AddedScorers = """
        scorers:
          - id: answer_line
            name: pattern
            options:
              regex: "ANSWER: [A-D]"
          - id: exact
            name: includes
        """;

    [Test]
    public async Task Rescoring_a_demo_run_with_a_scorers_file_adds_and_replaces_scorers_and_names_the_run_it_came_from()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("run");
        var made = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", run]);
        Assert.That(made.ExitCode, Is.EqualTo(ExitCodes.Ok), made.All);
        var logBytes = File.ReadAllBytes(Path.Combine(run, "log.jsonl"));
        var original = RunLogReader.Read(Path.Combine(run, "log.jsonl"));

        var score = await CliRun.InvokeAsync(["score", run, "--scorers", dir.File("extra.yaml", AddedScorers), "--out", dir.Combine("scored")]);

        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.Ok), score.All);
        var scored = RunLogReader.Read(dir.Combine("scored", "log.jsonl"));
        Assert.That(scored.Header.ScoredFrom, Is.EqualTo(new ScoredFrom(original.Header.RunId, Convert.ToHexStringLower(SHA256.HashData(logBytes)))));
        Assert.That(scored.Header.RunId, Is.Not.EqualTo(original.Header.RunId));
        var scorers = scored.Header.Suites.Single().Scorers;
        Assert.That(scorers.Select(s => s.Id), Is.EqualTo(new[] { "choice", "numeric", "includes", "exact", "answer_line" }), "the run's scorers in order, the new one last");
        Assert.That(scorers.Single(s => s.Id == "exact").Name, Is.EqualTo("includes"), "a scorer with the id of the run's replaces it");

        Assert.That(scored.Samples.Select(s => s.Id), Is.EqualTo(original.Samples.Select(s => s.Id)));
        foreach (var (before, after) in original.Samples.Zip(scored.Samples))
        {
            var expected = Regex.IsMatch(before.Output!, "ANSWER: [A-D]") ? 1 : 0;
            Assert.That(after.Scores!["answer_line"].Value, Is.EqualTo(expected), $"{before.Id}: the added scorer scored the recorded answer");
            Assert.That(after.Scores.ContainsKey("exact"), Is.EqualTo(before.Scores!.ContainsKey("exact")), $"{before.Id}: a replacing scorer keeps to the samples the one it replaces scored");
            foreach (var id in new[] { "choice", "numeric", "includes" }.Where(before.Scores.ContainsKey))
            {
                Assert.That(after.Scores[id].Value, Is.EqualTo(before.Scores[id].Value), $"{before.Id}/{id}: the run's own scorer scores as it did");
            }
        }

        Assert.That(File.ReadAllBytes(Path.Combine(run, "log.jsonl")), Is.EqualTo(logBytes), "the original run is untouched");
        Assert.That(score.Out, Does.Contain("re-scored 24 samples"));
        Assert.That(score.Out, Does.Contain("answer_line accuracy"));
    }

    [Test]
    public async Task The_rescored_directory_holds_every_file_a_run_writes_and_its_results_follow_from_its_log()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("run");
        Assert.That((await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", run])).ExitCode, Is.EqualTo(ExitCodes.Ok));
        var scored = dir.Combine("scored");
        Directory.CreateDirectory(scored);

        var score = await CliRun.InvokeAsync(["score", run, "--out", scored]);

        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.Ok), score.All);
        string[] files = ["log.jsonl", "results.json", "report.html", "report.md", "report.json", "samples.csv"];
        Assert.That(Directory.GetFileSystemEntries(scored).Select(Path.GetFileName).Order(), Is.EqualTo(files.Order()), "an empty --out is used, and nothing else is left in it");
        Assert.That(Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "run", "scored" }), "no staging directory is left beside it");
        var results = File.ReadAllBytes(Path.Combine(scored, "results.json"));
        var report = await CliRun.InvokeAsync(["report", scored]);
        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.All);
        Assert.That(File.ReadAllBytes(Path.Combine(scored, "results.json")), Is.EqualTo(results), "evalh report derives the same results from the log alone");
    }
}
