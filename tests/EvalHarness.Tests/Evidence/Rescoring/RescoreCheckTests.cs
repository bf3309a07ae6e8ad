using System.Text.Json.Nodes;
using EvalHarness.Cli;
using EvalHarness.Cli.Commands;
using EvalHarness.Logs;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence.Rescoring;

/// <summary>
/// What evalh verify re-computes from a pack: the demo model's run of every bundled suite (deterministic scorers,
/// MeCab-based Japanese scorers, lexicon scorers, judges with recorded verdicts) re-scores to exactly what it
/// recorded, and each kind of tampering is named.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RescoreCheckTests : IDisposable
{
    private static readonly string[] Suites = ["smoke", "japanese-quality", "bias", "hallucination", "inappropriate-output", "privacy", "robustness"];

    private TempDirectory _shared = null!;
    private string _run = null!;

    [OneTimeSetUp]
    public async Task RunTheDemoModel()
    {
        _shared = new TempDirectory();
        _run = _shared.Combine("run");
        var made = await CliRun.InvokeAsync(["run", .. Suites, "--model", "demo", "--judge", "demo", "--out", _run]);
        Assert.That(made.ExitCode, Is.EqualTo(ExitCodes.Ok), made.All);
    }

    [OneTimeTearDown]
    public void Dispose() => _shared.Dispose();

    [Test]
    public void An_untouched_demo_run_re_scores_to_every_recorded_score_and_metric()
    {
        using var dir = new TempDirectory();
        var pack = PackedRun.Extract(_run, dir);

        var report = RescoreCheck.Run(pack.RunDirectory, pack.SuiteFiles, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(report.Differences, Is.Empty);
            Assert.That(report.NotChecked, Is.Empty, "MeCab is installed here, so every Japanese scorer is re-scored");
            Assert.That(report.SuiteFiles, Is.EqualTo(2 * Suites.Length));
            Assert.That(report.SamplesRescored, Is.GreaterThan(500));
            Assert.That(report.ScorersRescored, Is.GreaterThan(30));
            Assert.That(report.JudgeScorersFromLog, Is.GreaterThanOrEqualTo(2));
            Assert.That(report.ResourcesChecked, Is.GreaterThanOrEqualTo(4));
            Assert.That(report.MetricsCompared, Is.GreaterThan(100));
            Assert.That(RescoreCheck.Differences(pack.RunDirectory, pack.SuiteFiles, CancellationToken.None), Is.Empty);
        });
    }

    [Test]
    public void A_recorded_answer_changed_after_scoring_is_named_with_its_sample_and_scorer()
    {
        using var dir = new TempDirectory();
        var pack = PackedRun.Extract(_run, dir);
        string? id = null;
        pack.EditLog(record =>
        {
            if (!IsSample(record, "smoke") || Value(record, "includes") != 1)
            {
                return false;
            }

            id = record["id"]!.GetValue<string>();
            record["output"] = "I would rather not say.";
            return true;
        });

        var differences = RescoreCheck.Differences(pack.RunDirectory, pack.SuiteFiles, CancellationToken.None);

        // results.json was built from the recorded score, so the metric differs from the re-computed one too.
        Assert.That(differences, Has.Some.EqualTo($"suite smoke, sample {id}, epoch 1, scorer includes: recorded value 1, re-computed value 0"));
        Assert.That(differences, Has.Some.StartsWith("suite smoke, scorer includes, metric accuracy: value "));
    }

    [Test]
    public void A_recorded_score_changed_after_scoring_is_named_and_the_metrics_follow_the_re_computed_score()
    {
        using var dir = new TempDirectory();
        var pack = PackedRun.Extract(_run, dir);
        string? id = null;
        pack.EditLog(record =>
        {
            if (!IsSample(record, "smoke") || Value(record, "includes") != 0)
            {
                return false;
            }

            id = record["id"]!.GetValue<string>();
            record["scores"]!["includes"]!["value"] = 1;
            return true;
        });

        var differences = RescoreCheck.Differences(pack.RunDirectory, pack.SuiteFiles, CancellationToken.None);

        // The metrics are rebuilt from the re-computed score, so they still match results.json: only the score is named.
        Assert.That(differences, Is.EqualTo(new[] { $"suite smoke, sample {id}, epoch 1, scorer includes: recorded value 1, re-computed value 0" }));
    }

    [Test]
    public void Recorded_counts_behind_a_corpus_metric_that_no_longer_follow_from_the_answer_are_named()
    {
        using var dir = new TempDirectory();
        var pack = PackedRun.Extract(_run, dir);
        string? id = null;
        pack.EditLog(record =>
        {
            if (!IsSample(record, "japanese-quality") || record["scores"]?["bleu_en_ja"]?["metadata"]?["sys_len"] is not { } length)
            {
                return false;
            }

            id = record["id"]!.GetValue<string>();
            record["scores"]!["bleu_en_ja"]!["metadata"]!["sys_len"] = length.GetValue<int>() + 5;
            return true;
        });

        var differences = RescoreCheck.Differences(pack.RunDirectory, pack.SuiteFiles, CancellationToken.None);

        // Corpus BLEU is summed from these counts; the metrics are rebuilt from the re-computed ones, so they still match.
        Assert.That(differences, Is.EqualTo(new[] { $"suite japanese-quality, sample {id}, epoch 1, scorer bleu_en_ja: the same value, but the recorded metadata.sys_len differ from the re-computed" }));
    }

    [Test]
    public void A_metric_changed_in_results_json_is_named_with_both_values()
    {
        using var dir = new TempDirectory();
        var pack = PackedRun.Extract(_run, dir);
        double original = 0;
        pack.EditResults(results =>
        {
            var metric = Metric(results, "smoke", "includes", "accuracy");
            original = metric["value"]!.GetValue<double>();
            metric["value"] = original + 0.05;
        });

        var differences = RescoreCheck.Differences(pack.RunDirectory, pack.SuiteFiles, CancellationToken.None);

        Assert.That(differences, Has.Count.EqualTo(1));
        Assert.That(differences[0], Does.StartWith("suite smoke, scorer includes, metric accuracy: value "));
        Assert.That(differences[0], Does.Contain($"in results.json, {RescoreNumbers.Show(original)} re-computed"));
    }

    [Test]
    public void A_suite_file_other_than_the_one_run_is_named_with_both_hashes_and_a_missing_one_as_missing()
    {
        using var dir = new TempDirectory();
        var pack = PackedRun.Extract(_run, dir);
        var data = pack.SuiteFiles.Keys.Single(p => p.EndsWith(Path.Combine("smoke", "data.jsonl"), StringComparison.Ordinal));
        File.AppendAllText(pack.SuiteFiles[data], "{\"id\": \"extra\", \"input\": \"1 + 1?\", \"target\": \"2\"}\n");
        var suite = pack.SuiteFiles.Keys.Single(p => p.EndsWith(Path.Combine("bias", "suite.yaml"), StringComparison.Ordinal));
        File.Delete(pack.SuiteFiles[suite]);

        var differences = RescoreCheck.Differences(pack.RunDirectory, pack.SuiteFiles, CancellationToken.None);

        Assert.That(differences, Has.Some.Match($"^suite file {System.Text.RegularExpressions.Regex.Escape(data)}: SHA-256 [0-9a-f]{{64}} differs from the log header's [0-9a-f]{{64}}$"));
        Assert.That(differences, Has.Some.EqualTo($"suite file {suite}: missing"));
        Assert.That(differences, Has.Count.EqualTo(2), "the bias suite's scorers are built-in: they re-score without its suite file");
    }

    [Test]
    public void A_judge_verdict_is_taken_from_the_log_as_recorded_not_asked_again()
    {
        using var dir = new TempDirectory();
        var pack = PackedRun.Extract(_run, dir);
        pack.EditLog(record =>
        {
            if (!IsSample(record, "japanese-quality") || Value(record, "judge_requirement") != 1)
            {
                return false;
            }

            record["scores"]!["judge_requirement"]!["value"] = 0;
            return true;
        });

        var differences = RescoreCheck.Differences(pack.RunDirectory, pack.SuiteFiles, CancellationToken.None);

        // No judge is called (there is none to call): the changed verdict stands, and so the metric built
        // from it no longer matches results.json, while no score difference is claimed for the sample.
        Assert.That(differences, Has.None.Contains("scorer judge_requirement:"));
        Assert.That(differences, Has.Some.StartsWith("suite japanese-quality, scorer judge_requirement, metric accuracy: value "));
    }

    [Test]
    public void A_built_in_rubric_whose_hash_differs_from_the_log_header_is_named()
    {
        using var dir = new TempDirectory();
        var pack = PackedRun.Extract(_run, dir);
        pack.EditLog(record =>
        {
            if (record["type"]?.GetValue<string>() != "header")
            {
                return false;
            }

            var judge = record["suites"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "japanese-quality")!["scorers"]!.AsArray()
                .Single(s => s!["id"]!.GetValue<string>() == "judge_requirement")!;
            var rubric = judge["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "rubric requirement (en)")!;
            rubric["sha256"] = new string('0', 64);
            return true;
        });

        var differences = RescoreCheck.Differences(pack.RunDirectory, pack.SuiteFiles, CancellationToken.None);

        Assert.That(differences, Has.Count.EqualTo(1));
        Assert.That(differences[0], Does.Match($"^suite japanese-quality, scorer judge_requirement: built-in rubric requirement \\(en\\): SHA-256 [0-9a-f]{{64}} differs from the log header's {new string('0', 64)}$"));
    }

    [Test]
    public async Task A_run_re_scored_by_evalh_score_verifies_like_the_run_it_came_from()
    {
        using var dir = new TempDirectory();
        var scored = dir.Combine("scored");
        var score = await CliRun.InvokeAsync(["score", _run, "--out", scored]);
        Assert.That(score.ExitCode, Is.EqualTo(ExitCodes.Ok), score.All);

        var pack = PackedRun.Extract(scored, dir);

        Assert.That(RescoreCheck.Differences(pack.RunDirectory, pack.SuiteFiles, CancellationToken.None), Is.Empty);
    }

    [Test]
    public void A_scorer_whose_tokenizer_is_missing_here_is_reported_as_not_re_scored_and_its_recorded_scores_are_kept()
    {
        const string Reason = "MeCab is not installed (libmecab.so.2 was not found); install the Debian packages mecab libmecab2 mecab-ipadic-utf8 (./run.sh does)";
        var log = RunLogReader.Read(Path.Combine(_run, "log.jsonl"));
        var index = log.Samples.ToList().FindIndex(r => r.Scores?.GetValueOrDefault("bleu_en_ja")?.Value is not null);
        var recorded = log.Samples[index];

        // What re-scoring gives on a machine without MeCab: BLEU's tokenizer fails and the scorer records why.
        var withoutMeCab = new RunLog
        {
            Header = log.Header,
            Samples = [.. log.Samples.Select((r, i) => i != index ? r : r with
            {
                Scores = r.Scores!.ToDictionary(s => s.Key, s => s.Key == "bleu_en_ja" ? Score.Failed(Reason) : s.Value),
            })],
        };

        var differences = new List<RescoreFinding>();
        var notChecked = new List<RescoreFinding>();
        var (records, _) = RescoreCheckScores.Compare(log, withoutMeCab, new RescoreCheckScorers(), Reason, differences, notChecked);
        var unexplained = new List<RescoreFinding>();
        RescoreCheckScores.Compare(log, withoutMeCab, new RescoreCheckScorers(), null, unexplained, []);

        Assert.Multiple(() =>
        {
            Assert.That(differences, Is.Empty);
            Assert.That(notChecked.Select(n => n.ToString()), Is.EqualTo(new[] { $"suite japanese-quality, scorer bleu_en_ja: not re-scored: {Reason} (recorded scores used as they are: 1)" }));
            Assert.That(records[index].Scores!["bleu_en_ja"], Is.SameAs(recorded.Scores!["bleu_en_ja"]), "the metrics are built from the recorded score");
            Assert.That(unexplained.Select(d => d.ToString()), Is.EqualTo(new[]
            {
                $"suite japanese-quality, sample {recorded.Id}, epoch 1, scorer bleu_en_ja: recorded value {RescoreNumbers.Show(recorded.Scores!["bleu_en_ja"].Value)}, re-computed unscorable ({Reason})",
            }), "a failure that is not the missing tool is a difference");
        });
    }

    private static bool IsSample(JsonObject record, string suite) =>
        record["type"]?.GetValue<string>() == "sample" && record["suite"]?.GetValue<string>() == suite;

    private static double? Value(JsonObject record, string scorer) => record["scores"]?[scorer]?["value"]?.GetValue<double>();

    private static JsonObject Metric(JsonObject results, string suite, string scorer, string metric) =>
        results["suites"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == suite)!["metrics"]!.AsArray()
            .Single(m => m!["scorer"]!.GetValue<string>() == scorer && m["metric"]!.GetValue<string>() == metric)!.AsObject();
}
