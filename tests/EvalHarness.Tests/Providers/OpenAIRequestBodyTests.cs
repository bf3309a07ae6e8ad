using EvalHarness.Models;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Providers;

/// <summary>
/// The exact request body the openai target sends, byte for byte. The expected texts were recorded from the
/// SDK's own serializer (ChatClient.CompleteChatAsync with ChatCompletionOptions, OpenAI 2.15.0) before the
/// client started writing the body itself: an endpoint must not be able to tell the difference.
/// </summary>
[TestFixture]
public sealed class OpenAIRequestBodyTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(
            "no settings",
            new[] { new PromptMessage("system", "be brief"), new PromptMessage("user", "2+2?") },
            GenerationSettings.Empty,
            """{"messages":[{"role":"system","content":"be brief"},{"role":"user","content":"2+2?"}],"model":"test-model"}""")
            .SetName("no settings"),
        new TestCaseData(
            "every setting",
            new[] { new PromptMessage("system", "sys"), new PromptMessage("user", "q1"), new PromptMessage("assistant", "a1"), new PromptMessage("user", "q2") },
            new GenerationSettings { Temperature = 0.7, TopP = 0.95, MaxTokens = 256, Seed = 42, Stop = ["END", "\n\nQ:"] },
            """{"temperature":0.7,"top_p":0.95,"messages":[{"role":"system","content":"sys"},{"role":"user","content":"q1"},{"role":"assistant","content":"a1"},{"role":"user","content":"q2"}],"model":"test-model","max_completion_tokens":256,"stop":["END","\n\nQ:"],"seed":42}""")
            .SetName("every setting"),
        new TestCaseData(
            "round and extreme numbers",
            new[] { new PromptMessage("user", "x") },
            new GenerationSettings { Temperature = 0, TopP = 1, MaxTokens = 1, Seed = -9_007_199_254_740_993 },
            """{"temperature":0,"top_p":1,"messages":[{"role":"user","content":"x"}],"model":"test-model","max_completion_tokens":1,"seed":-9007199254740993}""")
            .SetName("round and extreme numbers"),
        new TestCaseData(
            "fractions that floats cannot hold exactly",
            new[] { new PromptMessage("user", "x") },
            new GenerationSettings { Temperature = 0.1, TopP = 0.3333333333333333, Seed = long.MaxValue },
            """{"temperature":0.1,"top_p":0.33333334,"messages":[{"role":"user","content":"x"}],"model":"test-model","seed":9223372036854775807}""")
            .SetName("fractions that floats cannot hold exactly"),
        new TestCaseData(
            "text that needs escaping",
            new[]
            {
                new PromptMessage("system", "Quote \" backslash \\ tab \t nul \u0000 bell \u0007 <b>&'+`"),
                new PromptMessage("user", "日本語の質問です。😀 é\r\nline2 \u2028 \u00a0 \ud800x"),
            },
            new GenerationSettings { Stop = ["</s>", "「終」", ""] },
            """{"messages":[{"role":"system","content":"Quote \" backslash \\ tab \t nul \u0000 bell \u0007 <b>&'+`"},{"role":"user","content":"日本語の質問です。\uD83D\uDE00 é\r\nline2 \u2028 \u00A0 \uFFFDx"}],"model":"test-model","stop":["</s>","「終」",""]}""")
            .SetName("text that needs escaping"),
        new TestCaseData(
            "empty content and an unknown role",
            new[] { new PromptMessage("user", ""), new PromptMessage("tool", "as user") },
            new GenerationSettings { MaxTokens = 0 },
            """{"messages":[{"role":"user","content":""},{"role":"user","content":"as user"}],"model":"test-model","max_completion_tokens":0}""")
            .SetName("empty content and an unknown role"),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task The_body_is_what_the_sdk_serializer_wrote(string name, PromptMessage[] messages, GenerationSettings settings, string expected)
    {
        var request = await SendAsync("test-model", messages, settings);

        Assert.That(request.Body, Is.EqualTo(expected), name);
        Assert.That(request.ContentType, Is.EqualTo("application/json"));
        Assert.That(request.Accept, Is.EqualTo("application/json"));
        Assert.That(request.ContentLength, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(expected)), "sent with a length, not chunked");
    }

    [Test]
    public async Task A_model_name_with_punctuation_and_non_ascii_text_is_escaped_as_before()
    {
        var request = await SendAsync("org/model:tag \"q\" 日本+😀", [new PromptMessage("user", "x")], GenerationSettings.Empty);

        Assert.That(request.Body, Is.EqualTo("""{"messages":[{"role":"user","content":"x"}],"model":"org/model:tag \"q\" 日本+\uD83D\uDE00"}"""));
    }

    private static async Task<RawRequest> SendAsync(string model, PromptMessage[] messages, GenerationSettings settings)
    {
        await using var server = await RawOpenAiServer.StartAsync();
        await using var target = TestModels.Create("openai/" + model, new ModelSettings { BaseUrl = server.BaseUrl.ToString(), Environment = _ => "sk-test-key-1234567890" }, []);

        await target.GenerateAsync(new GenerationRequest("s", "a", 1, messages, settings), CancellationToken.None);

        return server.Requests.Single();
    }
}
