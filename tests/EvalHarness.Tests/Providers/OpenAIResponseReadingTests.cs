using System.Globalization;
using EvalHarness.Models;
using EvalHarness.Providers;
using EvalHarness.Providers.OpenAI;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;
using Microsoft.Extensions.AI;

namespace EvalHarness.Tests.Providers;

/// <summary>
/// What the openai target makes of a response body, for the shapes OpenAI-compatible servers send and the ones
/// they send by mistake. The answers were recorded from the SDK's own model classes before the client started
/// reading the body itself; the failures then carried only an exception's type name (and a JSON null body
/// escaped as an ArgumentNullException), now they name the field at fault. Content that is neither text nor
/// parts (a number) used to pass as an empty answer; it is now refused like any other malformed field.
/// </summary>
[TestFixture]
public sealed class OpenAIResponseReadingTests
{
    private static readonly TestCaseData[] Bodies =
    [
        Case("plain", """{"id":"c1","object":"chat.completion","created":1,"model":"m-1","choices":[{"index":0,"message":{"role":"assistant","content":"4"},"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}""", "text=4|finish=stop|usage=TokenUsage { InputTokens = 11, OutputTokens = 7, TotalTokens = 18 }|model=m-1"),
        Case("content parts", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":[{"type":"text","text":"a"},{"type":"refusal","refusal":"no"},{"type":"text","text":"b"}]},"finish_reason":"stop"}]}""", "text=ab|finish=stop|usage=|model=m"),
        Case("refusal only", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help with that."},"finish_reason":"stop"}]}""", "text=I can't help with that.|finish=stop|usage=|model=m"),
        Case("refusal beside text", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"t","refusal":"r"},"finish_reason":"stop"}]}""", "text=t|finish=stop|usage=|model=m"),
        Case("no content at all", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant"},"finish_reason":"length"}]}""", "text=|finish=length|usage=|model=m"),
        Case("escapes and unicode", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"\u65e5\u672c \"q\" \\ \n\ud83d\ude00 é"},"finish_reason":"stop"}]}""", "text=日本 \"q\" \\ \n😀 é|finish=stop|usage=|model=m"),
        Case("unknown fields before and after", """{"x":{"a":[1,{"b":null}]},"id":"c1","system_fingerprint":"fp","model":"m","choices":[{"logprobs":{"content":[{"token":"a","logprob":-0.1}]},"index":0,"message":{"role":"assistant","content":"ok","tool_calls":[],"reasoning_content":"hmm"},"finish_reason":"stop","extra":[[]]}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"prompt_tokens_details":{"cached_tokens":0}},"service_tier":"default"}""", "text=ok|finish=stop|usage=TokenUsage { InputTokens = 1, OutputTokens = 2, TotalTokens = 3 }|model=m"),
        Case("two choices", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"first"},"finish_reason":"stop"},{"index":1,"message":{"role":"assistant","content":"second"},"finish_reason":"length"}]}""", "text=first|finish=stop|usage=|model=m"),
        Case("length", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"length"}]}""", "text=x|finish=length|usage=|model=m"),
        Case("content_filter", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"content_filter"}]}""", "text=|finish=content_filter|usage=|model=m"),
        Case("tool_calls", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"tool_calls"}]}""", "text=|finish=tool_calls|usage=|model=m"),
        Case("function_call", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"function_call"}]}""", "text=|finish=tool_calls|usage=|model=m"),
        Case("upper-case finish reason", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"LENGTH"}]}""", "text=x|finish=length|usage=|model=m"),
        Case("no finish reason", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"}}]}""", "text=x|finish=stop|usage=|model=m"),
        Case("null finish reason", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":null}]}""", "invalid: choices[0].finish_reason is null"),
        Case("unknown finish reason", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"error"}]}""", "invalid: choices[0].finish_reason 'error' is not stop, length, content_filter or tool_calls"),
        Case("usage null", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"stop"}],"usage":null}""", "text=x|finish=stop|usage=|model=m"),
        Case("usage partial", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5}}""", "text=x|finish=stop|usage=TokenUsage { InputTokens = 5, OutputTokens = 0, TotalTokens = 0 }|model=m"),
        Case("no model or id", """{"choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"stop"}]}""", "text=x|finish=stop|usage=|model="),
        Case("no choices", """{"id":"c1","model":"m","choices":[]}""", "invalid: it has no choices"),
        Case("choices missing", """{"id":"c1","model":"m"}""", "invalid: it has no choices"),
        Case("null message", """{"id":"c1","model":"m","choices":[{"index":0,"message":null,"finish_reason":"stop"}]}""", "invalid: choices[0].message is null, not an object"),
        Case("content is a number", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":5},"finish_reason":"stop"}]}""", "invalid: choices[0].message.content is a number, not text"),
        Case("usage is a string", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"stop"}],"usage":"lots"}""", "invalid: usage is a string, not an object"),
        Case("tokens are fractions", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1.5,"completion_tokens":1,"total_tokens":2}}""", "invalid: usage.prompt_tokens is not a whole number"),
        Case("truncated", """{"id":"c1","model":"m","choices":[{"index":0,"message":""", "invalid: the body is not well-formed JSON (line 1, byte 56)"),
        Case("empty body", "", "invalid: the body is empty"),
        Case("whitespace body", "  \n", "invalid: the body is empty"),
        Case("json null", "null", "invalid: the body is null, not an object"),
        Case("json array", "[]", "invalid: the body is an array, not an object"),
        Case("error object with status 200", """{"error":{"message":"overloaded","type":"server_error"}}""", "invalid: it has no choices but an error: overloaded"),
        Case("trailing garbage", """{"id":"c1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"stop"}]} x""", "invalid: the body is not well-formed JSON (line 1, byte 117)"),
    ];

    [TestCaseSource(nameof(Bodies))]
    public async Task The_body_is_read_as_before(string name, string body, string expected)
    {
        await using var server = await RawOpenAiServer.StartAsync();
        server.Reply = (200, body);
        await using var target = TestModels.Create("openai/test-model", new ModelSettings { BaseUrl = server.BaseUrl.ToString(), Environment = _ => null, Timeout = TimeSpan.FromSeconds(10) }, []);

        string outcome;
        try
        {
            var generation = await target.GenerateAsync(new GenerationRequest("s", "a", 1, [new PromptMessage("user", "q")], GenerationSettings.Empty), CancellationToken.None);
            outcome = string.Create(CultureInfo.InvariantCulture, $"text={generation.Text}|finish={generation.FinishReason}|usage={generation.Usage}|model={generation.Model}");
        }
        catch (ModelException error)
        {
            // Every unreadable body is worth another attempt, as a dropped connection is, and says what was wrong with it.
            Assert.That(error.Kind, Is.EqualTo(ModelErrorKind.Transient), name);
            var prefix = EndpointUrl.ForDisplay(server.BaseUrl) + " sent a response that is not a valid chat completion: ";
            Assert.That(error.Message, Does.StartWith(prefix), name);
            outcome = "invalid: " + error.Message[prefix.Length..];
        }

        Assert.That(outcome, Is.EqualTo(expected), name);
    }

    [Test]
    public async Task Answers_of_any_length_are_read_whole_one_after_another()
    {
        // The server sends no length, so each body arrives in chunks of its own; one client reads them in turn, long
        // and short, and no answer may carry bytes of the one before.
        await using var server = await RawOpenAiServer.StartAsync();
        using var client = new OpenAIChatClient(new OpenAIModelOptions { Model = "m", BaseUrl = server.BaseUrl, Timeout = TimeSpan.FromSeconds(10) }, new HttpClient());

        foreach (var length in new[] { 300_000, 1, 4_000, 4_100, 70_000, 0, 9_000 })
        {
            var answer = string.Concat(Enumerable.Range(0, length).Select(i => (i % 4) switch { 0 => "a", 1 => "é", 2 => "日", _ => "😀" }));
            server.Reply = (200, $$"""{"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"{{answer}}"},"finish_reason":"stop"}]}""");

            var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "q")]);

            Assert.That(response.Text, Is.EqualTo(answer), $"{length} characters");
        }
    }

    [Test]
    public async Task A_key_echoed_into_the_answer_model_or_id_is_masked()
    {
        const string Key = "sk-test-ECHOED-0123456789abcdef";
        await using var server = await RawOpenAiServer.StartAsync();
        server.Reply = (200, $$"""{"id":"id-{{Key}}","model":"model {{Key[3..20]}}","choices":[{"index":0,"message":{"role":"assistant","content":[{"text":"you sent ","type":"text"},{"type":"text","text":"Bearer {{Key}}"}]},"finish_reason":"stop"}]}""");
        using var client = new OpenAIChatClient(new OpenAIModelOptions { Model = "m", BaseUrl = server.BaseUrl, ApiKey = Key, Timeout = TimeSpan.FromSeconds(10) }, new HttpClient());

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "q")]);

        Assert.That(response.Text, Is.EqualTo("you sent Bearer [REDACTED]"), "text parts in either key order are joined, then masked");
        Assert.That(response.ModelId, Is.EqualTo("model [REDACTED]"), "a fragment of the key is masked too");
        Assert.That(response.ResponseId, Is.EqualTo("id-[REDACTED]"));
    }

    [Test]
    public async Task A_key_echoed_into_an_unreadable_body_stays_out_of_the_error()
    {
        const string Key = "sk-test-ECHOED-0123456789abcdef";
        await using var server = await RawOpenAiServer.StartAsync();
        using var client = new OpenAIChatClient(new OpenAIModelOptions { Model = "m", BaseUrl = server.BaseUrl, ApiKey = Key, Timeout = TimeSpan.FromSeconds(10) }, new HttpClient());

        foreach (var body in new[]
        {
            $$$"""{"error":{"message":"Incorrect API key provided: {{{Key}}}"}}""",
            $$"""{"choices":[{"message":{"content":"x"},"finish_reason":"{{Key}}"}]}""",
        })
        {
            server.Reply = (200, body);
            var error = (await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "q")])))!;

            Assert.That(error.Message, Does.Contain("not a valid chat completion"));
            Assert.That(error.ToString(), Does.Not.Contain("0123456789abcdef"));
        }
    }

    private static TestCaseData Case(string name, string body, string expected) => new TestCaseData(name, body, expected).SetName(name);
}
