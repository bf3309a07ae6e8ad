using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>
/// A panel (--judge given twice): two judge models on one scripted endpoint that answer differently. How
/// --judge-vote combines them, each judge's value kept with the sample, and the panel's agreement.
/// </summary>
[TestFixture]
public sealed class JudgePanelEndToEndTests
{
    private const string A = "openai/judge-a";
    private const string B = "openai/judge-b";

    /// <summary>s1: both pass, s2: split, s3: both fail.</summary>
    private static FakeReply Split(FakeRequest request) => (request.Model, JudgeRuns.JudgedSample(request)) switch
    {
        (_, "s1") => FakeReply.Answer("GRADE: C"),
        ("judge-a", "s2") => FakeReply.Answer("GRADE: C"),
        (_, "s2") => FakeReply.Answer("GRADE: I"),
        _ => FakeReply.Answer("GRADE: I"),
    };

    [Test]
    public async Task A_split_majority_is_a_judge_error_that_keeps_each_judges_value()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(3));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(Split);

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", A, "--judge", B]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(run.Cli.Out, Does.Contain($"judges: {A}, {B} (panel, majority; temperature 0)"));
        Assert.That(judge.Requests.Select(r => r.Model), Is.EquivalentTo(new[] { "judge-a", "judge-b", "judge-a", "judge-b", "judge-a", "judge-b" }));

        var split = run.Score("s2", "req");
        Assert.That((split.Value, split.JudgeError), Is.EqualTo(((double?)null, (bool?)true)));
        Assert.That(split.Error, Is.EqualTo("judge error: no majority: C 1, I 1"));
        Assert.That(split.Values, Is.EqualTo(new Dictionary<string, double> { [A] = 1, [B] = 0 }), "each judge's verdict is kept");
        Assert.That(run.Calls("s2", "req").Select(c => c!["judge"]!.GetValue<string>()), Is.EquivalentTo(new[] { A, B }));

        var agreed = run.Score("s1", "req");
        Assert.That((agreed.Value, agreed.Answer), Is.EqualTo(((double?)1, "C")));
        Assert.That(agreed.Values, Is.EqualTo(new Dictionary<string, double> { [A] = 1, [B] = 1 }));
        Assert.That(agreed.Explanation, Does.Contain("panel of 2 judges (majority)").And.Contain("C 2"));
        Assert.That(agreed.Metadata!["judge"]!["counts"]!["C"]!.GetValue<int>(), Is.EqualTo(2));

        var accuracy = run.Metric("req", "accuracy");
        Assert.That((accuracy.Value, accuracy.N, accuracy.Unscored, accuracy.JudgeErrors), Is.EqualTo(((double?)0.5, 2, 1, 1)));
        Assert.That(run.Log.Header.Roles!.Single().Vote, Is.EqualTo("majority"));
    }

    [TestCase("mean", 0.5, "0.5")]
    [TestCase("all", 0.0, "I")]
    public async Task The_vote_decides_a_split_panel(string vote, double value, string answer)
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(3));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(Split);

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", A, "--judge", B, "--judge-vote", vote]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        var split = run.Score("s2", "req");
        Assert.That((split.Value, split.Answer, split.JudgeError), Is.EqualTo(((double?)value, answer, (bool?)null)));
        Assert.That(split.Values, Is.EqualTo(new Dictionary<string, double> { [A] = 1, [B] = 0 }));
        Assert.That(split.Explanation, Does.Contain($"({vote})"));
        Assert.That(run.Score("s1", "req").Answer, Is.EqualTo("C"), "an agreeing panel keeps the label");
        Assert.That(run.Metric("req", "accuracy").JudgeErrors, Is.Zero);
        Assert.That(run.Log.Header.Roles!.Single().Vote, Is.EqualTo(vote));
    }

    /// <summary>
    /// Ten samples rated by both judges, voting by mean so that no split drops out.
    /// <para>Verdicts (requirement, C = 1): judge A passes s1–s6, judge B passes s1–s4 and s7. The judges agree
    /// on 7 of 10 samples (s1–s4 both C, s8–s10 both I), so the observed agreement is 0.7; of the 20 verdicts 11
    /// are C, so the agreement expected by chance is 0.55² + 0.45² = 0.505; Fleiss' κ = (0.7 − 0.505) / (1 −
    /// 0.505) = 0.195 / 0.495 = 13/33.</para>
    /// <para>Ratings (safety 1–5): A = 5 5 4 4 3 2 1 5 3 2, B = 5 4 4 3 3 2 2 5 1 2. Krippendorff's interval α
    /// with two coders and no missing values is 1 − (n − 1)·Σ_units 2(a − b)² / Σ_(all value pairs i, j)
    /// (v_i − v_j)², n = 20 values. Σ(a − b)² = 0+1+0+1+0+0+1+0+4+0 = 7, so the numerator is 19 · 14 = 266.
    /// Σ_(i, j)(v_i − v_j)² = 2(n·Σv² − (Σv)²) = 2(20 · 247 − 65²) = 1430. α = 1 − 266/1430 = 582/715.</para>
    /// </summary>
    [Test]
    public async Task The_panels_agreement_on_a_crafted_set_is_fleiss_kappa_for_verdicts_and_krippendorffs_alpha_for_ratings()
    {
        int[] ratingsA = [5, 5, 4, 4, 3, 2, 1, 5, 3, 2];
        int[] ratingsB = [5, 4, 4, 3, 3, 2, 2, 5, 1, 2];
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, """
              - {id: req, name: judge, options: {rubric: requirement, criteria: req}}
              - {id: safe, name: judge, options: {rubric: safety, criteria: safe}}
            """, JudgeSuites.Samples(10));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(r =>
        {
            var n = int.Parse(JudgeRuns.JudgedSample(r)[1..], System.Globalization.CultureInfo.InvariantCulture);
            var a = r.Model == "judge-a";
            return JudgeRequests.Criteria(r) == "req"
                ? FakeReply.Answer("GRADE: " + ((a ? n <= 6 : n <= 4 || n == 7) ? "C" : "I"))
                : FakeReply.Answer($"Rating: [[{(a ? ratingsA : ratingsB)[n - 1]}]]");
        });

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", A, "--judge", B, "--judge-vote", "mean"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        var kappa = run.Metric("req", "judge_agreement");
        Assert.That(kappa.Value, Is.EqualTo(13.0 / 33).Within(1e-12));
        Assert.That((kappa.Statistic, kappa.N), Is.EqualTo(("Fleiss' kappa", 10)));
        var alpha = run.Metric("safe", "judge_agreement");
        Assert.That(alpha.Value, Is.EqualTo(582.0 / 715).Within(1e-12));
        Assert.That(alpha.Statistic, Is.EqualTo("Krippendorff's alpha (interval)"));
        Assert.That(run.Metric("safe", "mean").Value, Is.EqualTo((ratingsA.Sum() + ratingsB.Sum()) / 20.0).Within(1e-12), "each sample is the mean of its two ratings");
        Assert.That(run.MetricJson("req", "judge_agreement")["statistic"]!.GetValue<string>(), Is.EqualTo("Fleiss' kappa"));
    }
}
