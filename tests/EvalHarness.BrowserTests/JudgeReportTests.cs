using System.Text.Json.Nodes;
using EvalHarness.BrowserTests.Support;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Models;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using OpenQA.Selenium;

namespace EvalHarness.BrowserTests;

/// <summary>
/// Judged runs in the page: who judged (and a banner when the verdicts were recorded, not judged), judge
/// errors beside n, and per sample a folded card with each judge's raw reply, verdict and follow-ups, the
/// rubric and its SHA-256. A judge's reply is model output: hostile markup in it stays text.
/// </summary>
[TestFixture]
public sealed class JudgeReportTests
{
    private const string JudgeA = "openai/judge-a";
    private const string JudgeB = "openai/judge-b";
    private const string JudgeC = "openai/judge-c";
    private const string ScoredFromRun = "20260101T000000Z-source";

    private static readonly string ScoredFromSha = new('f', 64);

    private static readonly string HostileReply =
        "The answer is fine. <script>alert('judge')</script><img src=x onerror=alert('img')>\n</pre><b>bold?</b> [[C]]\nVerdict: C";

    private static readonly string UnreadableReply = "Hard to say. <svg onload=alert('svg')> Maybe C, maybe I.";

    // Runs before any script of the page: records whatever tries to open a dialog or break the policy.
    private const string Hooks = """
        (() => {
          const seen = [];
          Object.defineProperty(window, '__evalhSeen', { value: seen });
          for (const name of ['alert', 'confirm', 'prompt']) {
            window[name] = function () { seen.push(name + ': ' + Array.from(arguments).join(' ')); return null; };
          }
          document.addEventListener('securitypolicyviolation', e => seen.push('csp: ' + e.violatedDirective));
          window.addEventListener('error', e => seen.push('error: ' + (e.message || (e.target && e.target.tagName))), true);
        })();
        """;

    [Test]
    public async Task The_demo_run_labels_its_verdicts_as_recorded_and_a_card_shows_the_judges_reply_folded()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("jq");
        await CliRun.SucceedAsync("run", "japanese-quality", "--model", "demo", "--out", run);
        var record = RunLogReader.Read(Path.Combine(run, "log.jsonl")).Samples.Single(s => s.Id == "kei-01");
        var judge = record.Scores!["judge_requirement"].Metadata!["judge"]!;
        var call = judge["calls"]![0]!;
        Assert.That((string?)call["verdict"], Is.EqualTo("I"), "the recording judges the wrong keigo of kei-01 a fail");

        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        page.Find("[data-set-lang='en']").Click();

        Assert.That(page.FindAll(".judge-banner").Select(b => b.Text), Is.EqualTo(new[] { ModelInfo.DemoJudgeLabel }), "one banner, as for the demo answers");
        var judges = page.Find("dd.judges");
        Assert.That(judges.Text, Does.Contain("demo — " + ModelInfo.DemoJudgeLabel).And.Contain("temperature 0 · seed 0"));

        var card = OpenCard(page, "japanese-quality", "kei-01");
        var details = card.FindElement(By.CssSelector("details.judge[data-scorer='judge_requirement']"));
        Assert.That(details.GetAttribute("open"), Is.Null, "folded until the reader opens it");
        Assert.That(details.FindElement(By.TagName("summary")).Text, Is.EqualTo("judge_requirement · requirement (ja) · demo · verdict: I"));
        details.FindElement(By.TagName("summary")).Click();
        page.Screenshot("demo-judge", "article.sample[data-sample='japanese-quality/kei-01/1'] details.judge");

        Assert.Multiple(() =>
        {
            Assert.That(details.FindElement(By.CssSelector("pre.untrusted")).GetAttribute("textContent"), Is.EqualTo((string?)call["raw"]), "the recorded reply, verbatim");
            Assert.That(Facts(details), Is.EqualTo(new Dictionary<string, string>
            {
                ["Rubric"] = "requirement (ja)",
                ["Rubric SHA-256"] = (string)judge["rubric_sha256"]!,
            }));
            Assert.That(details.FindElement(By.CssSelector(".judge-call-head")).Text, Does.Contain("attempt 1").And.Contain("verdict: I"));
        });

        page.Find("[data-set-lang='ja']").Click();
        Assert.That(page.Find(".judge-banner").Text, Is.EqualTo("記録済みのジャッジ判定（実際のジャッジではありません）"));
        card = page.Find("article.sample[data-sample='japanese-quality/kei-01/1']");
        Assert.That(card.FindElement(By.CssSelector("details.judge > summary")).Text, Is.EqualTo("judge_requirement · requirement (ja) · demo · 判定: I"));
        Assert.That(card.FindElements(By.CssSelector(".field-name")).Select(f => f.Text), Does.Contain("ジャッジ"));
    }

    [Test]
    public async Task A_panels_replies_are_text_and_its_card_shows_each_judge_the_follow_up_and_a_judge_errors_reason()
    {
        using var dir = new TempDirectory();
        string[] panel = [JudgeA, JudgeB, JudgeC];
        var failure = "the judge openai/judge-b failed: HTTP 500 <b>down</b>";
        var samples = new List<SampleRecord>
        {
            SyntheticLog.Sample("judged", "panel", "an answer", new Dictionary<string, Score>
            {
                ["req"] = JudgeScores.Verdict(1, "C", panel,
                    new(JudgeA, 1, HostileReply, "C"),
                    new(JudgeB, 1, UnreadableReply, null, "no verdict (C or I) found in the judge's answer"),
                    new(JudgeB, 2, "Verdict: C", "C"),
                    new(JudgeC, 1, "Not met.\nVerdict: I", "I")),
            }),
            SyntheticLog.Sample("judged", "failed", "another answer", new Dictionary<string, Score>
            {
                ["req"] = JudgeScores.JudgeError("no majority: C 1, I 1; 1 without a verdict", panel,
                    new(JudgeA, 1, "Verdict: C", "C"),
                    new(JudgeB, 1, null, null, failure),
                    new(JudgeC, 1, "Verdict: I", "I")),
            }),
        };
        var suite = SyntheticLog.Suite("judged", samples.Count, ["req"]) with
        {
            Scorers = [new ScorerHeader("req", "judge", new JsonObject { ["rubric"] = "requirement" }, ["accuracy"], new ValueRange(0, 1), ScoreKind.PassFail)
            {
                Roles = ["judge"],
                Resources = [new ScorerResource("rubric requirement (en)", "built-in", JudgeScores.RubricSha256)],
            }],
        };
        var run = await SyntheticLog.WriteRunAsync(dir.Combine("judged"), suite, samples, header => header with
        {
            Roles = [new RoleHeader("judge", panel.Select(Live).ToList(), "majority", new GenerationSettings { Temperature = 0, Seed = 7, MaxTokens = 2048 })],
            ScoredFrom = new ScoredFrom(ScoredFromRun, ScoredFromSha),
        });

        using var page = ReportPage.Start();
        page.Driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?> { ["source"] = Hooks });
        page.Open(Path.Combine(run, "report.html"));
        page.Find("[data-set-lang='en']").Click();

        Assert.Multiple(() =>
        {
            Assert.That(page.FindAll(".judge-banner"), Is.Empty, "live judges need no banner");
            Assert.That(page.FindAll("dd.judges .judge-spec").Select(e => e.Text), Is.EqualTo(panel));
            Assert.That(page.Find("dd.judges .note").Text, Is.EqualTo("panel of 3 · vote: majority · temperature 0 · seed 7"));
            Assert.That(page.Find("#scored-from").Text, Is.EqualTo($"Run {ScoredFromRun} · log.jsonl SHA-256 {ScoredFromSha}"));
            var row = page.Find("tr[data-metric='judged||req|accuracy']");
            Assert.That(row.FindElement(By.CssSelector(".judge-errors")).Text, Is.EqualTo("1 judge error: neither pass nor fail"));
            Assert.That(page.Find(".judge-errors-note").Text, Does.StartWith("A judge error is a sample whose judge failed"));
        });

        var card = OpenCard(page, "judged", "panel");
        card.FindElement(By.CssSelector("details.judge > summary")).Click();
        page.Screenshot("panel", "article.sample[data-sample='judged/panel/1'] details.judge");
        var calls = card.FindElements(By.CssSelector(".judge-call"));
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.FindElement(By.CssSelector("pre.untrusted")).GetAttribute("textContent")),
                Is.EqualTo(new[] { HostileReply, UnreadableReply, "Verdict: C", "Not met.\nVerdict: I" }), "every reply, verbatim and as text");
            Assert.That(calls.Select(c => c.FindElement(By.CssSelector(".judge-attempt")).Text), Is.EqualTo(new[] { "attempt 1", "attempt 1", "follow-up · attempt 2", "attempt 1" }));
            Assert.That(calls[1].FindElement(By.CssSelector(".judge-call-error")).Text, Is.EqualTo("no verdict (C or I) found in the judge's answer"));
            Assert.That(Facts(card.FindElement(By.CssSelector("details.judge"))), Is.EqualTo(new Dictionary<string, string>
            {
                ["Rubric"] = "requirement (en)",
                ["Rubric SHA-256"] = JudgeScores.RubricSha256,
                ["Vote"] = "majority",
                ["Each judge"] = $"{JudgeA}: C · {JudgeB}: C · {JudgeC}: I",
                ["Verdicts"] = "C × 2, I × 1",
            }));
            Assert.That(card.FindElements(By.CssSelector("script, img, svg, iframe, b")), Is.Empty, "no markup from a reply became an element");
        });

        card = OpenCard(page, "judged", "failed");
        card.FindElement(By.CssSelector("details.judge > summary")).Click();
        Assert.Multiple(() =>
        {
            Assert.That(card.FindElement(By.CssSelector("table.scores td.num")).Text, Is.EqualTo("judge error"));
            Assert.That(card.FindElement(By.CssSelector("details.judge > summary")).Text, Does.EndWith("verdict: judge error"));
            Assert.That(card.FindElement(By.CssSelector(".judge-error-reason")).Text, Is.EqualTo("judge error: no majority: C 1, I 1; 1 without a verdict"));
            var failed = card.FindElements(By.CssSelector(".judge-call"))[1];
            Assert.That(failed.FindElement(By.CssSelector(".judge-call-error")).Text, Is.EqualTo(failure));
            Assert.That(failed.FindElement(By.CssSelector("p.note")).Text, Is.EqualTo("No reply: the call failed."));
        });

        page.Find("[data-set-lang='ja']").Click();
        Assert.That(page.Find("tr[data-metric='judged||req|accuracy'] .judge-errors").Text, Is.EqualTo("ジャッジエラー 1 件（合格でも不合格でもない）"));
        Assert.That(page.Script<IReadOnlyCollection<object>>("return window.__evalhSeen"), Is.Empty, "no dialog, policy violation or load error");
        Assert.That(page.SevereLogEntries(), Is.Empty);
    }

    private static ModelInfo Live(string spec) => new(spec, "openai", spec["openai/".Length..], "https://judges.example/v1", true, ModelInfo.LiveLabel);

    /// <summary>Shows one sample's card (its suite chosen, its id searched) and returns it.</summary>
    private static IWebElement OpenCard(ReportPage page, string suite, string id)
    {
        page.Choose("f-suite", suite);
        page.Search(id);
        page.WaitForMatches(1);
        return page.Find($"#samples article.sample[data-sample='{suite}/{id}/1']");
    }

    private static Dictionary<string, string> Facts(IWebElement details)
    {
        var names = details.FindElements(By.CssSelector(".judge-facts > dt")).Select(e => e.Text).ToList();
        var values = details.FindElements(By.CssSelector(".judge-facts > dd")).Select(e => e.Text).ToList();
        return names.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }
}
