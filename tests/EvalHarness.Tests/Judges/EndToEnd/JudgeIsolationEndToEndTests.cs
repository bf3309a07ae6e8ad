using System.Collections.Concurrent;
using System.Security.Cryptography;
using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>
/// Judges have their own concurrency limit: a slow judge never holds a slot of the model under evaluation.
/// What the run log records about its judges: the role (temperature 0, the seed), its limit records, and the
/// SHA-256 of the rubric text that judged.
/// </summary>
[TestFixture]
public sealed class JudgeIsolationEndToEndTests
{
    [Test]
    public async Task The_model_is_asked_the_next_sample_while_the_first_samples_judge_is_still_answering()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(3));
        var events = new ConcurrentQueue<string>();
        var secondQuestion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var model = await FakeOpenAiServer.StartAsync(r =>
        {
            var id = JudgeRuns.SampleId(r.LastUserMessage);
            events.Enqueue("model asked " + id);
            if (id == "s2")
            {
                secondQuestion.TrySetResult();
            }

            return JudgeRuns.Answer(r);
        });

        // The judge holds its verdict on s1 until the model has been asked s2. Were the judge holding the model's
        // only slot, s2 could not be asked first: the verdict would go out after the fallback below instead, and
        // the order asserted at the end would be reversed. The fallback only keeps a broken build from hanging.
        async Task HoldFirstVerdictAsync()
        {
            await Task.WhenAny(secondQuestion.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            events.Enqueue("judge replies on s1");
        }

        await using var judge = await FakeOpenAiServer.StartAsync(r =>
        {
            var id = JudgeRuns.JudgedSample(r);
            events.Enqueue("judge asked " + id);
            return id == "s1" ? FakeReply.Answer("GRADE: C") with { Until = HoldFirstVerdictAsync() } : FakeReply.Answer("GRADE: C");
        });

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge", "--max-connections", "1"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        var order = events.ToList();
        Assert.That(order.IndexOf("model asked s2"), Is.LessThan(order.IndexOf("judge replies on s1")), "the model's slot was free while the judge worked: " + string.Join(" → ", order));
        Assert.That(model.MaxInFlight, Is.EqualTo(1), "--max-connections 1 still holds for the model");
        Assert.That(run.Log.Samples.Select(s => s.Scores!["req"].Value), Has.All.EqualTo(1));

        Assert.That(run.Log.Limits.Where(l => l.Role is null).Select(l => (l.Limit, l.Reason)), Is.EqualTo(new[] { (1, "fixed by --max-connections") }));
        Assert.That(run.Log.Limits.Where(l => l.Role == "judge").Select(l => l.Reason).First(), Is.EqualTo("start (adaptive)"), "the judge's limit is its own, logged with its role");
    }

    [Test]
    public async Task A_fixed_judge_limit_is_logged_with_the_judge_role_and_holds()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(6));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("GRADE: C") with { Delay = TimeSpan.FromMilliseconds(50) });

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge", "--judge-max-connections", "2", "--max-connections", "6"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(run.Log.Limits.Where(l => l.Role == "judge").Select(l => l.Limit), Is.EqualTo(new[] { 2 }));
        Assert.That(judge.MaxInFlight, Is.LessThanOrEqualTo(2));
        Assert.That(run.Log.Header.Roles!.Single().MaxConnections, Is.EqualTo(2));
    }

    [Test]
    public async Task The_header_lists_the_judge_at_temperature_0_with_the_seed_and_the_built_in_rubrics_sha256()
    {
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(2));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("GRADE: C"));

        var run = await JudgeRuns.RunAsync(dir, suite, model, judge, ["--judge", "openai/judge"]);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        var role = run.Log.Header.Roles!.Single();
        Assert.That(role.Name, Is.EqualTo("judge"));
        Assert.That(role.Models.Select(m => (m.Spec, m.BaseUrl, m.Live)), Is.EqualTo(new[] { ("openai/judge", judge.BaseUrl.ToString().TrimEnd('/'), true) }));
        Assert.That((role.Settings.Temperature, role.Settings.Seed), Is.EqualTo(((double?)0, (long?)JudgeRuns.Seed)));
        Assert.That(run.Log.Header.Seed, Is.EqualTo(JudgeRuns.Seed));

        var scorer = run.Log.Header.Suites.Single().Scorers.Single();
        Assert.That(scorer.Roles, Is.EqualTo(new[] { "judge" }));
        foreach (var language in new[] { "en", "ja" })
        {
            var file = Path.Combine(RepoPaths.Root, "src", "EvalHarness.Judges", "Rubrics", "Resources", $"requirement.{language}.md");
            var resource = scorer.Resources!.Single(r => r.Name == $"rubric requirement ({language})");
            Assert.That(resource.Source, Is.EqualTo("built-in"));
            Assert.That(resource.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))), "the hash of the shipped file's bytes");
        }

        Assert.That(run.Score("s1", "req").Metadata!["judge"]!["rubric_sha256"]!.GetValue<string>(), Is.EqualTo(scorer.Resources!.Single(r => r.Name.EndsWith("(en)", StringComparison.Ordinal)).Sha256));
    }
}
