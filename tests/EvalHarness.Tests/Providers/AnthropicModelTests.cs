using EvalHarness.Models;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Providers;

/// <summary>The anthropic model kind against a real HTTP server on 127.0.0.1 that speaks the Messages API: what is sent, what is read back.</summary>
[TestFixture]
public sealed class AnthropicModelTests
{
    private const string Key = "sk-ant-test-DISTINCTIVE-8c1d2e3f4a5b";

    private static ModelSettings Settings(Uri baseUrl, string? key = Key) => new()
    {
        BaseUrl = baseUrl.ToString(),
        Environment = name => name == "ANTHROPIC_API_KEY" ? key : null,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static GenerationRequest Request(GenerationSettings? settings = null, params PromptMessage[] messages) => new(
        "s", "a", 1,
        messages.Length > 0 ? messages : [new PromptMessage("system", "be brief"), new PromptMessage("user", "2+2?")],
        settings ?? GenerationSettings.Empty);

    private static IEnumerable<(string Role, string Content)> Turns(FakeAnthropicRequest request) =>
        request.Request.Messages.Select(m => (m!["role"]!.GetValue<string>(), m["content"]!.GetValue<string>()));

    [Test]
    public async Task Sends_the_system_prompt_apart_the_turns_in_order_the_settings_and_the_key_in_headers_only()
    {
        await using var server = await FakeAnthropicServer.StartAsync(_ => FakeReply.Answer("4"));
        await using var model = TestModels.Create("anthropic/claude-test", Settings(server.BaseUrl), []);

        var generation = await model.GenerateAsync(
            Request(
                new GenerationSettings { Temperature = 0.7, MaxTokens = 32, TopP = 0.9, Seed = 42, Stop = ["END", "\n\nQ:"] },
                new PromptMessage("system", "be brief"),
                new PromptMessage("user", "1+1?"),
                new PromptMessage("assistant", "2"),
                new PromptMessage("user", "2+2?")),
            CancellationToken.None);

        Assert.That(generation.Text, Is.EqualTo("4"));
        var request = server.Requests.Single();
        Assert.That(request.Request.Path, Is.EqualTo("/v1/messages"));
        Assert.That(request.Version, Is.Not.Null, "anthropic-version is sent");
        Assert.That(request.ApiKey, Is.EqualTo(Key));
        Assert.That(request.Request.Authorization, Is.EqualTo("Bearer " + Key), "the bearer header carries the same key");
        var body = request.Request.Body;
        Assert.That(body.ToJsonString(), Does.Not.Contain("DISTINCTIVE"), "the key is in no part of the body");
        Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo("claude-test"));
        Assert.That(request.System, Is.EqualTo("be brief"));
        Assert.That(Turns(request), Is.EqualTo(new[] { ("user", "1+1?"), ("assistant", "2"), ("user", "2+2?") }), "no system turn among the messages");
        Assert.That(body["max_tokens"]!.GetValue<int>(), Is.EqualTo(32));
        Assert.That(body["temperature"]!.GetValue<double>(), Is.EqualTo(0.7).Within(1e-9), "sent as written, not as a widened float");
        Assert.That(body["top_p"]!.GetValue<double>(), Is.EqualTo(0.9).Within(1e-9));
        Assert.That(body["stop_sequences"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "END", "\n\nQ:" }));
        Assert.That(body.ContainsKey("seed"), Is.False, "the Messages API has no seed");
    }

    [Test]
    public async Task Without_settings_it_sends_the_default_max_tokens_and_no_sampling_fields_and_merges_turns_of_one_role()
    {
        await using var server = await FakeAnthropicServer.StartAsync(_ => FakeReply.Answer("ok"));
        await using var model = TestModels.Create("anthropic/claude-test", Settings(server.BaseUrl), []);

        await model.GenerateAsync(
            Request(null, new PromptMessage("system", "rule one"), new PromptMessage("user", "context"), new PromptMessage("system", "rule two"), new PromptMessage("user", "question")),
            CancellationToken.None);

        var request = server.Requests.Single();
        var body = request.Request.Body;
        Assert.That(body["max_tokens"]!.GetValue<int>(), Is.EqualTo(4096), "the API requires max_tokens; the documented default");
        Assert.That(body.ContainsKey("temperature") || body.ContainsKey("top_p") || body.ContainsKey("stop_sequences"), Is.False, "only what the suite sets is sent");
        Assert.That(request.System, Is.EqualTo("rule one\n\nrule two"));
        Assert.That(Turns(request), Is.EqualTo(new[] { ("user", "context\n\nquestion") }), "two user messages in a row become one turn");
    }

    [Test]
    public async Task A_request_without_a_system_message_sends_no_system_field()
    {
        await using var server = await FakeAnthropicServer.StartAsync(_ => FakeReply.Answer("ok"));
        await using var model = TestModels.Create("anthropic/claude-test", Settings(server.BaseUrl), []);

        await model.GenerateAsync(Request(null, new PromptMessage("user", "hi")), CancellationToken.None);

        Assert.That(server.Requests.Single().Request.Body.ContainsKey("system"), Is.False);
    }

    [Test]
    public async Task Reads_the_text_blocks_usage_and_model_and_skips_other_blocks()
    {
        await using var server = await FakeAnthropicServer.StartAsync(_ => AnthropicReplies.Message(
            [new { type = "thinking", thinking = "hidden reasoning", signature = "sig" }, AnthropicReplies.Text("The answer"), AnthropicReplies.Text(" is 4.")],
            model: "claude-test-20260101",
            usage: new { input_tokens = 20, output_tokens = 5, cache_read_input_tokens = 100 }));
        await using var model = TestModels.Create("anthropic/claude-test", Settings(server.BaseUrl), []);

        var generation = await model.GenerateAsync(Request(), CancellationToken.None);

        Assert.That(generation.Text, Is.EqualTo("The answer is 4."));
        Assert.That(generation.FinishReason, Is.EqualTo("stop"));
        Assert.That(generation.Model, Is.EqualTo("claude-test-20260101"));
        Assert.That(generation.Usage, Is.EqualTo(new TokenUsage(120, 5, 125)), "cached prompt tokens are prompt tokens");
        Assert.That(model.Info.Provider, Is.EqualTo("anthropic"));
        Assert.That(model.Info.Name, Is.EqualTo("claude-test"));
        Assert.That(model.Info.BaseUrl, Is.EqualTo(server.BaseUrl.ToString().TrimEnd('/')));
        Assert.That(model.Info.Live, Is.True);
    }

    [TestCase("end_turn", "stop")]
    [TestCase("stop_sequence", "stop")]
    [TestCase("max_tokens", "length")]
    [TestCase("refusal", "content_filter")]
    public async Task The_stop_reason_becomes_the_finish_reason(string stopReason, string finish)
    {
        await using var server = await FakeAnthropicServer.StartAsync(_ => AnthropicReplies.Message([AnthropicReplies.Text("text")], stopReason));
        await using var model = TestModels.Create("anthropic/claude-test", Settings(server.BaseUrl), []);

        var generation = await model.GenerateAsync(Request(), CancellationToken.None);

        Assert.That(generation.FinishReason, Is.EqualTo(finish));
    }

    [Test]
    public async Task A_refusal_without_text_is_an_empty_answer_not_an_error()
    {
        await using var server = await FakeAnthropicServer.StartAsync(_ => AnthropicReplies.Message([], "refusal"));
        await using var model = TestModels.Create("anthropic/claude-test", Settings(server.BaseUrl), []);

        var generation = await model.GenerateAsync(Request(), CancellationToken.None);

        Assert.That((generation.Text, generation.FinishReason), Is.EqualTo((string.Empty, "content_filter")));
    }

    [Test]
    public async Task A_local_server_without_a_key_gets_no_key_header()
    {
        await using var server = await FakeAnthropicServer.StartAsync(_ => FakeReply.Answer("ok"));
        await using var model = TestModels.Create("anthropic/local", Settings(server.BaseUrl, key: null), []);

        await model.GenerateAsync(Request(), CancellationToken.None);

        var request = server.Requests.Single();
        Assert.That((request.ApiKey, request.Request.Authorization), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public async Task The_base_url_comes_from_ANTHROPIC_BASE_URL_when_no_option_names_one()
    {
        await using var server = await FakeAnthropicServer.StartAsync(_ => FakeReply.Answer("ok"));
        var settings = new ModelSettings
        {
            Environment = name => name switch
            {
                "ANTHROPIC_BASE_URL" => server.BaseUrl.ToString(),
                "ANTHROPIC_API_KEY" => Key,
                _ => null,
            },
        };
        await using var model = TestModels.Create("anthropic/claude-test", settings, []);

        await model.GenerateAsync(Request(), CancellationToken.None);

        Assert.That(server.Requests, Has.Count.EqualTo(1));
        Assert.That(model.Info.BaseUrl, Is.EqualTo(server.BaseUrl.ToString().TrimEnd('/')));
    }

    [Test]
    public void A_missing_key_a_bad_base_url_and_a_missing_model_name_are_input_errors_naming_the_option()
    {
        var noKey = Assert.Throws<InvalidInputException>(() => TestModels.Create("anthropic/claude-test", new ModelSettings { Environment = _ => null }, []))!;
        Assert.That(noKey.Diagnostics.Single().Field, Is.EqualTo("--model"));
        Assert.That(noKey.Message, Does.Contain("ANTHROPIC_API_KEY is not set"));

        var custom = Assert.Throws<InvalidInputException>(() => TestModels.Create("anthropic/claude-test", new ModelSettings { Environment = _ => null, ApiKeyVariable = "MY_KEY" }, []))!;
        Assert.That(custom.Diagnostics.Single().Field, Is.EqualTo("--api-key-env"));
        Assert.That(custom.Message, Does.Contain("MY_KEY is not set"));

        var url = Assert.Throws<InvalidInputException>(() => TestModels.Create("anthropic/claude-test", new ModelSettings { BaseUrl = "ftp://x", Environment = _ => Key }, []))!;
        Assert.That(url.Diagnostics.Single().Field, Is.EqualTo("--base-url"));

        var name = Assert.Throws<InvalidInputException>(() => TestModels.Create("anthropic/", new ModelSettings { Environment = _ => Key }, []))!;
        Assert.That(name.Message, Does.Contain("name the model after 'anthropic/'"));
    }
}
