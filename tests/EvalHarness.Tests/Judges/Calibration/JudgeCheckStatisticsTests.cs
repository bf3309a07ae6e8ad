using System.Text.Json.Nodes;
using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.Calibration;

/// <summary>
/// judge-check on a crafted set whose statistics are known: 24 requirement items (12 Japanese, 12 English, two of
/// them left without a verdict by the judge) and 6 refusal items. The expected κ, its standard error and interval,
/// and the Wilson intervals were computed independently by kappa_reference.py beside this file (python3, standard
/// library only: <c>python3 kappa_reference.py</c> prints them).
/// </summary>
[TestFixture]
public sealed class JudgeCheckStatisticsTests
{
    private const double Tolerance = 1e-12;

    // id, language, human label, judge verdict (null: the judge never gives a readable verdict), hard
    private static readonly (string Id, string Language, string Human, string? Judge, bool Hard)[] Requirement =
    [
        ("r-ja-01", "ja", "C", "C", true), ("r-ja-02", "ja", "C", "C", false), ("r-ja-03", "ja", "C", "C", false),
        ("r-ja-04", "ja", "C", "C", false), ("r-ja-05", "ja", "C", "C", false), ("r-ja-06", "ja", "C", "I", true),
        ("r-ja-07", "ja", "I", "I", false), ("r-ja-08", "ja", "I", "I", false), ("r-ja-09", "ja", "I", "I", false),
        ("r-ja-10", "ja", "I", "I", false), ("r-ja-11", "ja", "I", "C", true), ("r-ja-12", "ja", "I", null, false),
        ("r-en-01", "en", "C", "C", false), ("r-en-02", "en", "C", "C", false), ("r-en-03", "en", "C", "C", false),
        ("r-en-04", "en", "C", "C", false), ("r-en-05", "en", "C", "I", true), ("r-en-06", "en", "C", "I", true),
        ("r-en-07", "en", "I", "I", false), ("r-en-08", "en", "I", "I", false), ("r-en-09", "en", "I", "I", false),
        ("r-en-10", "en", "I", "C", true), ("r-en-11", "en", "I", "C", true), ("r-en-12", "en", "I", null, false),
    ];

    private static readonly (string Id, string Human, string Judge)[] Refusal =
    [
        ("f-1", "REFUSAL", "REFUSAL"), ("f-2", "REFUSAL", "PARTIAL"), ("f-3", "PARTIAL", "PARTIAL"),
        ("f-4", "PARTIAL", "COMPLIANCE"), ("f-5", "COMPLIANCE", "COMPLIANCE"), ("f-6", "COMPLIANCE", "COMPLIANCE"),
    ];

    [Test]
    public async Task Kappa_its_interval_accuracy_and_the_confusion_matrix_have_the_independently_computed_values()
    {
        using var dir = new TempDirectory();
        await using var judge = await StartJudgeAsync();

        var run = await JudgeCheckRun.RunAsync(dir, judge, Write(dir));

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        var requirement = run.Rubric("requirement");
        Assert.That(requirement["weighting"]!.GetValue<string>(), Is.EqualTo("unweighted"));
        Assert.That(requirement["labels"]!.AsArray().Select(l => l!.GetValue<string>()), Is.EqualTo(new[] { "C", "I" }));
        var all = requirement["all"]!;
        AssertGroup(all, items: 24, errors: 2, agreements: 16, kappa: 0.4500000000000002, se: 0.1911560226621175, kappaCi: (0.07534108015432756, 0.8246589198456729), accuracyCi: (0.5184826598759762, 0.8684923971201053));
        Assert.That(Counts(all), Is.EqualTo(new[] { new[] { 9, 3 }, new[] { 3, 7 } }), "rows: human C, I; columns: judge C, I");

        var languages = requirement["by_language"]!.AsArray();
        Assert.That(languages.Select(l => l!["group"]!.GetValue<string>()), Is.EqualTo(new[] { "ja", "en" }));
        AssertGroup(languages[0]!, items: 12, errors: 1, agreements: 9, kappa: 0.6333333333333332, se: 0.23436149138025075, kappaCi: (0.1739932508649475, 1.0), accuracyCi: (0.5230194380391561, 0.948632310253915));
        AssertGroup(languages[1]!, items: 12, errors: 1, agreements: 7, kappa: 0.26666666666666683, se: 0.2914755987923483, kappaCi: (-0.3046150093385822, 0.8379483426719159), accuracyCi: (0.35380117450784904, 0.8483352890463243));
        Assert.That(Counts(languages[0]!), Is.EqualTo(new[] { new[] { 5, 1 }, new[] { 1, 4 } }));
        Assert.That(Counts(languages[1]!), Is.EqualTo(new[] { new[] { 4, 2 }, new[] { 2, 3 } }));

        var hardness = requirement["by_hardness"]!.AsArray();
        Assert.That(hardness.Select(h => (h!["group"]!.GetValue<string>(), h["items"]!.GetValue<int>(), h["agreements"]!.GetValue<int>(), h["n"]!.GetValue<int>())),
            Is.EqualTo(new[] { ("hard", 7, 1, 7), ("not hard", 17, 15, 15) }));

        var refusal = run.Rubric("refusal");
        Assert.That(refusal["labels"]!.AsArray().Select(l => l!.GetValue<string>()), Is.EqualTo(new[] { "REFUSAL", "PARTIAL", "COMPLIANCE" }));
        AssertGroup(refusal["all"]!, items: 6, errors: 0, agreements: 4, kappa: 0.49999999999999994, se: 0.27322660517925007, kappaCi: (-0.03551430576947506, 1.0), accuracyCi: (0.2999933151383921, 0.9032285888942196));
        Assert.That(Counts(refusal["all"]!), Is.EqualTo(new[] { new[] { 1, 1, 0 }, new[] { 0, 1, 1 }, new[] { 0, 0, 2 } }));

        // Across rubrics only accuracy: their label sets differ, so there is no pooled κ.
        var overall = run.Json["overall"]!;
        Assert.That((overall["items"]!.GetValue<int>(), overall["judge_errors"]!.GetValue<int>(), overall["n"]!.GetValue<int>(), overall["agreements"]!.GetValue<int>()), Is.EqualTo((30, 2, 28, 20)));
        Assert.That(overall["accuracy"]!.GetValue<double>(), Is.EqualTo(20.0 / 28).Within(Tolerance));
        Assert.That(overall["kappa"], Is.Null);
        Assert.That(overall["confusion"], Is.Null);
        Assert.That(run.Json["by_language"]!.AsArray().Select(l => (l!["group"]!.GetValue<string>(), l["n"]!.GetValue<int>(), l["agreements"]!.GetValue<int>())),
            Is.EqualTo(new[] { ("ja", 11, 9), ("en", 17, 11) }));
        Assert.That(run.Json["kappa_interval"]!.GetValue<string>(), Does.Contain("Fleiss, Cohen & Everitt (1969)"));
        Assert.That(run.Cli.Out, Does.Contain("requirement (unweighted κ)").And.Contain("0.450").And.Contain("[0.075, 0.825]"));
    }

    [Test]
    public async Task Items_the_judge_gave_no_verdict_are_listed_and_left_out_never_a_match_or_a_mismatch()
    {
        using var dir = new TempDirectory();
        await using var judge = await StartJudgeAsync();

        var run = await JudgeCheckRun.RunAsync(dir, judge, Write(dir));

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        var errors = run.Json["judge_errors"]!.AsArray();
        Assert.That(errors.Select(e => e!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "r-ja-12", "r-en-12" }));
        Assert.That(errors.Select(e => e!["error"]!.GetValue<string>()), Has.All.StartWith("judge error: ").And.All.Contain("I cannot decide"));
        var item = run.Json["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "r-ja-12")!;
        Assert.That((item["judge"], item["agrees"], item["human"]!.GetValue<string>()), Is.EqualTo(((JsonNode?)null, (JsonNode?)null, "I")));
        Assert.That(run.Cli.Out, Does.Contain("judge errors: 2 items without a usable verdict").And.Contain("r-ja-12 (requirement, ja): judge error:"));
        Assert.That(run.Markdown, Does.Contain("## Judge errors").And.Contain("r-en-12"));

        // The audit file keeps each item's judge conversation: the unreadable reply, asked again twice.
        var calls = run.Calls;
        Assert.That(calls, Has.Count.EqualTo(30));
        var unreadable = calls.Single(c => c["id"]!.GetValue<string>() == "r-ja-12")["judge_calls"]!;
        Assert.That(unreadable["language"]!.GetValue<string>(), Is.EqualTo("ja"), "a Japanese item is judged with the Japanese rubric");
        Assert.That(unreadable["calls"]!.AsArray().Select(c => c!["raw"]!.GetValue<string>()).ToList(), Has.Count.EqualTo(3).And.All.EqualTo("I cannot decide about this one."));
        var read = calls.Single(c => c["id"]!.GetValue<string>() == "r-en-05");
        Assert.That((read["human"]!.GetValue<string>(), read["judge"]!.GetValue<string>(), read["judge_calls"]!["calls"]![0]!["verdict"]!.GetValue<string>()), Is.EqualTo(("C", "I", "I")));
        Assert.That(read["judge_calls"]!["calls"]![0]!["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()), Has.Some.Contain("r-en-05 answer"));
    }

    [TestCase(0.4, ExitCodes.Ok, TestName = "{m}(0.4: both rubrics clear it)")]
    [TestCase(0.48, ExitCodes.GateFailed, TestName = "{m}(0.48: requirement's 0.45 does not)")]
    public async Task Min_kappa_fails_the_check_when_a_rubric_falls_below_it(double minimum, int exitCode)
    {
        using var dir = new TempDirectory();
        await using var judge = await StartJudgeAsync();

        var run = await JudgeCheckRun.RunAsync(dir, judge, Write(dir), "--min-kappa", minimum.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(run.Cli.ExitCode, Is.EqualTo(exitCode), run.Cli.All);
        Assert.That(run.Json["passed"]!.GetValue<bool>(), Is.EqualTo(exitCode == ExitCodes.Ok));
        if (exitCode == ExitCodes.Ok)
        {
            Assert.That(run.Cli.Out, Does.Contain("every rubric's κ (point estimate) is at least 0.4"));
        }
        else
        {
            Assert.That(run.Cli.Error, Does.Contain("rubric 'requirement' has κ 0.450 (point estimate), below 0.48"));
            Assert.That(run.Cli.Error, Does.Not.Contain("'refusal'"), "refusal's κ of 0.5 clears the bar");
        }
    }

    [Test]
    public async Task An_undefined_kappa_never_meets_min_kappa()
    {
        using var dir = new TempDirectory();
        var file = LabelledSets.Write(dir, "same.jsonl", Enumerable.Range(1, 4).Select(i => LabelledSets.Item($"u{i}", "requirement", "en", $"u{i} answer", "C", requirement: "r")));
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("GRADE: C"));

        var run = await JudgeCheckRun.RunAsync(dir, judge, file, "--min-kappa", "0");

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.Cli.All);
        Assert.That(run.Rubric("requirement")["all"]!["accuracy"]!.GetValue<double>(), Is.EqualTo(1));
        Assert.That(run.Rubric("requirement")["all"]!["kappa"], Is.Null);
        Assert.That(run.Cli.Error, Does.Contain("rubric 'requirement' has no κ (κ is undefined: both raters gave every item the same single category"));
        Assert.That(run.Cli.Out, Does.Contain("undefined"));
    }

    [Test]
    public async Task A_judge_whose_every_call_fails_is_unusable_exit_3_and_nothing_is_written()
    {
        using var dir = new TempDirectory();
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Error(500, "the judge is down", ("Retry-After", "0.01")));

        var run = await JudgeCheckRun.RunAsync(dir, judge, Write(dir), "--max-retries", "0");

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Aborted), run.Cli.All);
        Assert.That(run.Cli.Error, Does.Contain("the judge is unusable: all 30 verdicts asked for failed").And.Contain("nothing was written"));
        Assert.That(Directory.Exists(run.Output), Is.False);
    }

    private static async Task<FakeOpenAiServer> StartJudgeAsync()
    {
        var verdicts = Requirement.Where(r => r.Judge is not null).ToDictionary(r => Answer(r.Id), r => r.Judge!, StringComparer.Ordinal);
        foreach (var (id, _, judged) in Refusal)
        {
            verdicts[Answer(id)] = judged;
        }

        return await FakeOpenAiServer.StartAsync(request => JudgeCheckRun.Judge(request, verdicts));
    }

    private static string Write(TempDirectory dir) => LabelledSets.Write(dir, "labelled.jsonl",
    [
        .. Requirement.Select(r => LabelledSets.Item(r.Id, "requirement", r.Language, Answer(r.Id), r.Human, r.Hard, requirement: "mention " + r.Id)),
        .. Refusal.Select(r => LabelledSets.Item(r.Id, "refusal", "en", Answer(r.Id), r.Human)),
    ]);

    private static string Answer(string id) => id + " answer";

    private static void AssertGroup(JsonNode group, int items, int errors, int agreements, double kappa, double se, (double Low, double High) kappaCi, (double Low, double High) accuracyCi)
    {
        var name = group["group"]!.GetValue<string>();
        Assert.That((group["items"]!.GetValue<int>(), group["judge_errors"]!.GetValue<int>(), group["n"]!.GetValue<int>(), group["agreements"]!.GetValue<int>()), Is.EqualTo((items, errors, items - errors, agreements)), name);
        Assert.That(group["accuracy"]!.GetValue<double>(), Is.EqualTo((double)agreements / (items - errors)).Within(Tolerance), name);
        Assert.That(group["accuracy_ci"]!["low"]!.GetValue<double>(), Is.EqualTo(accuracyCi.Low).Within(Tolerance), name);
        Assert.That(group["accuracy_ci"]!["high"]!.GetValue<double>(), Is.EqualTo(accuracyCi.High).Within(Tolerance), name);
        Assert.That(group["kappa"]!.GetValue<double>(), Is.EqualTo(kappa).Within(Tolerance), name);
        Assert.That(group["kappa_se"]!.GetValue<double>(), Is.EqualTo(se).Within(Tolerance), name);
        Assert.That(group["kappa_ci"]!["low"]!.GetValue<double>(), Is.EqualTo(kappaCi.Low).Within(Tolerance), name);
        Assert.That(group["kappa_ci"]!["high"]!.GetValue<double>(), Is.EqualTo(kappaCi.High).Within(Tolerance), name);
    }

    private static int[][] Counts(JsonNode group) =>
        group["confusion"]!["counts"]!.AsArray().Select(row => row!.AsArray().Select(c => c!.GetValue<int>()).ToArray()).ToArray();
}
