using System.Text.Json.Nodes;
using EvalHarness.BrowserTests.Support;
using EvalHarness.Logs;
using OpenQA.Selenium;

namespace EvalHarness.BrowserTests;

/// <summary>A multi-turn conversation (multi_turn step) reads turn by turn: earlier turns folded, every message labelled with its role.</summary>
[TestFixture]
public sealed class MultiTurnTests
{
    private const string SystemPrompt = "You are a helpful travel assistant.";

    [Test]
    public async Task Every_turn_is_shown_as_text_with_its_role_and_earlier_turns_unfold_on_request()
    {
        using var dir = new TempDirectory();
        var run = await ConversationRunAsync(dir);
        var record = RunLogReader.Read(Path.Combine(run, "log.jsonl")).Samples.Single(s => s.Id == "trip");
        Assert.That(record.Turns, Has.Count.EqualTo(3), "the log holds three turns");
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        page.WaitForMatches(2);

        var card = page.Find("#samples article.sample[data-sample='conversation/trip/1']");
        var folded = card.FindElements(By.CssSelector("details.turn"));
        Assert.That(folded.Select(d => d.FindElement(By.TagName("summary")).Text).ToList(), Is.EqualTo(new[] { "Turn 1 / 3", "Turn 2 / 3" }));
        Assert.That(folded.Select(d => d.GetAttribute("open")).ToList(), Is.All.Null, "earlier turns start folded");
        Assert.That(card.FindElement(By.CssSelector("details.turn[data-turn='1'] pre.untrusted")).Displayed, Is.False);

        var last = card.FindElement(By.CssSelector("div.turn[data-turn='3']"));
        Assert.That(last.FindElement(By.CssSelector(".turn-name")).Text, Is.EqualTo("Turn 3 / 3"));
        Assert.That(Messages(last), Is.EqualTo(new[] { "user|User|" + record.Turns![2].Prompt }), "the last turn's question is open");
        Assert.That(Field(card, "Output"), Is.EqualTo(record.Turns[2].Output), "the output is the last turn's answer");

        foreach (var summary in card.FindElements(By.CssSelector("details.turn > summary")))
        {
            summary.Click();
        }

        page.Screenshot("turns", "article.sample[data-sample='conversation/trip/1']");
        for (var n = 1; n <= 2; n++)
        {
            var turn = record.Turns[n - 1];
            Assert.That(Messages(card.FindElement(By.CssSelector($"details.turn[data-turn='{n}']"))),
                Is.EqualTo(new[] { "user|User|" + turn.Prompt, "assistant|Model|" + turn.Output }), $"turn {n}: question and answer, as text");
        }

        card.FindElement(By.CssSelector("details.context > summary")).Click();
        Assert.That(Messages(card.FindElement(By.CssSelector("details.context"))), Is.EqualTo(new[] { "system|System|" + SystemPrompt }), "the system prompt is context, not a turn");
        Assert.That(card.FindElement(By.CssSelector("details.turn[data-turn='1'] .message[data-role='assistant'] pre.untrusted")).FindElements(By.XPath(".//*")), Is.Empty,
            "an answer's markup stays text");

        var single = page.Find("#samples article.sample[data-sample='conversation/single/1']");
        Assert.That(single.FindElements(By.CssSelector(".turn")), Is.Empty, "a one-turn sample is a plain question");
        Assert.That(Messages(single.FindElement(By.CssSelector(".field > div:not(.field-name)")), direct: true), Is.EqualTo(new[] { "user|User|What is the capital of Japan?" }));

        page.Find("[data-set-lang='ja']").Click();
        card = page.Find("#samples article.sample[data-sample='conversation/trip/1']");
        Assert.That(card.FindElement(By.CssSelector("details.turn[data-turn='2'] > summary")).Text, Is.EqualTo("ターン 2 / 3"));
        Assert.That(card.FindElement(By.CssSelector("div.turn[data-turn='3'] .role")).Text, Is.EqualTo("ユーザー"));
    }

    /// <summary>"role|label|text" of each message in <paramref name="container"/> (only its own children when <paramref name="direct"/>).</summary>
    private static List<string> Messages(IWebElement container, bool direct = false) =>
        container.FindElements(By.CssSelector(direct ? ":scope > .message" : ".message"))
            .Select(m => $"{m.GetAttribute("data-role")}|{m.FindElement(By.CssSelector(".role")).Text}|{m.FindElement(By.CssSelector("pre.untrusted")).Text}")
            .ToList();

    private static string Field(IWebElement card, string name) =>
        card.FindElements(By.CssSelector(".field")).Single(f => f.FindElement(By.CssSelector(".field-name")).Text.Equals(name, StringComparison.OrdinalIgnoreCase))
            .FindElement(By.CssSelector("pre.untrusted")).Text;

    /// <summary>A suite with the multi_turn step, replayed: a three-turn conversation and a one-turn question.</summary>
    private static async Task<string> ConversationRunAsync(TempDirectory dir)
    {
        var suite = dir.Combine("conversation");
        dir.File("conversation/suite.yaml", $"""
            name: conversation
            language: en
            dataset:
              path: data.jsonl
            solver:
              - system_message: "{SystemPrompt}"
              - multi_turn
            scorers:
              - includes
            """);
        dir.File("conversation/data.jsonl", string.Join('\n',
            new JsonObject
            {
                ["id"] = "trip",
                ["input"] = "Plan a day in Kyoto.",
                ["target"] = "bells",
                ["metadata"] = new JsonObject { ["follow_up_turns"] = "[\"Now summarise it in one line.\", \"Write it as a haiku.\"]" },
            }.ToJsonString(),
            new JsonObject { ["id"] = "single", ["input"] = "What is the capital of Japan?", ["target"] = "Tokyo" }.ToJsonString()));
        var replay = dir.File("recordings.jsonl", string.Join('\n',
            new JsonObject { ["id"] = "trip", ["outputs"] = new JsonArray("Morning at <b>Kiyomizu-dera</b>, lunch in Gion.", "Temples, then Gion.", "Temple bells at dawn") }.ToJsonString(),
            new JsonObject { ["id"] = "single", ["output"] = "Tokyo" }.ToJsonString()));
        var run = dir.Combine("run");
        await CliRun.SucceedAsync("run", suite, "--model", "replay:" + replay, "--out", run);
        return run;
    }
}
