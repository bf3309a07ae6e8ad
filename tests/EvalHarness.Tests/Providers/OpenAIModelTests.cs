using EvalHarness.Suites;
using EvalHarness.Providers;
using EvalHarness.Models;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Providers;

/// <summary>The openai target against a real HTTP server on 127.0.0.1.</summary>
[TestFixture]
public sealed class OpenAIModelTests
{
    private const string Key = "sk-test-DISTINCTIVE-4f9a8b7c6d5e";

    private static ModelSettings Settings(Uri baseUrl, string? key = Key) => new()
    {
        BaseUrl = baseUrl.ToString(),
        Environment = name => name == "OPENAI_API_KEY" ? key : null,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static GenerationRequest Request(GenerationSettings? settings = null) => new(
        "s", "a", 1,
        [new PromptMessage("system", "be brief"), new PromptMessage("user", "2+2?")],
        settings ?? GenerationSettings.Empty);

    [Test]
    public async Task Sends_messages_settings_and_key_and_reads_text_and_usage()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("4"));
        await using var target = TestModels.Create("openai/test-model", Settings(server.BaseUrl), []);

        var generation = await target.GenerateAsync(Request(new GenerationSettings { Temperature = 0, MaxTokens = 32, TopP = 0.9, Seed = 42, Stop = ["END"] }), CancellationToken.None);

        Assert.That(generation.Text, Is.EqualTo("4"));
        Assert.That(generation.Usage, Is.EqualTo(new TokenUsage(11, 7, 18)));
        Assert.That(generation.FinishReason, Is.EqualTo("stop"));
        var request = server.Requests.Single();
        Assert.That(request.Model, Is.EqualTo("test-model"));
        Assert.That(request.Authorization, Is.EqualTo("Bearer " + Key));
        Assert.That(request.Path, Does.EndWith("/chat/completions"));
        Assert.That(request.UserAgent, Does.StartWith("EvalHarness/"), "gateways in front of model servers refuse requests without one");
        Assert.That(request.Messages.Select(m => m!["role"]!.GetValue<string>()), Is.EqualTo(new[] { "system", "user" }));
        Assert.That(request.Body["temperature"]!.GetValue<double>(), Is.EqualTo(0));
        Assert.That(request.Body["seed"]!.GetValue<long>(), Is.EqualTo(42));
        Assert.That(request.Body["stop"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "END" }));
        Assert.That(request.Body.ToJsonString(), Does.Contain("32"), "max tokens are sent");
        Assert.That(target.Info.BaseUrl, Is.EqualTo(server.BaseUrl.ToString().TrimEnd('/')));
        Assert.That(target.Info.Live, Is.True);
    }

    [Test]
    public async Task A_local_server_without_a_key_gets_no_authorization_header()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("ok"));
        await using var target = TestModels.Create("openai/local", Settings(server.BaseUrl, key: null), []);

        await target.GenerateAsync(Request(), CancellationToken.None);

        Assert.That(server.Requests.Single().Authorization, Is.Null);
    }

    [Test]
    public void The_official_endpoint_without_a_key_is_an_input_error_naming_the_variable()
    {
        var error = Assert.Throws<InvalidInputException>(() => TestModels.Create("openai/gpt-4o-mini", new ModelSettings { Environment = _ => null }, []))!;
        Assert.That(error.Message, Does.Contain("OPENAI_API_KEY is not set"));

        var custom = Assert.Throws<InvalidInputException>(() => TestModels.Create("openai/gpt-4o-mini", new ModelSettings { Environment = _ => null, ApiKeyVariable = "MY_KEY" }, []))!;
        Assert.That(custom.Diagnostics.Single().Field, Is.EqualTo("--api-key-env"));
        Assert.That(custom.Message, Does.Contain("MY_KEY is not set"));
    }

    [Test]
    public void A_base_url_that_is_not_http_is_an_input_error()
    {
        var error = Assert.Throws<InvalidInputException>(() => TestModels.Create("openai/m", new ModelSettings { BaseUrl = "ftp://x", Environment = _ => Key }, []))!;
        Assert.That(error.Diagnostics.Single().Field, Is.EqualTo("--base-url"));
    }

    [Test]
    public async Task Unauthorized_says_which_variable_to_check_and_never_echoes_the_key()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Error(401, "Incorrect API key provided: " + Key));
        await using var target = TestModels.Create("openai/m", Settings(server.BaseUrl), []);

        var error = (await Assert.ThrowsAsync<ModelException>(() => target.GenerateAsync(Request(), CancellationToken.None)))!;

        Assert.That(error.Kind, Is.EqualTo(ModelErrorKind.Permanent));
        Assert.That(error.StatusCode, Is.EqualTo(401));
        Assert.That(error.Message, Does.Contain("OPENAI_API_KEY"));
        Assert.That(error.ToString(), Does.Not.Contain(Key));
        Assert.That(error.ToString(), Does.Not.Contain("4f9a8b7c6d5e"));
    }

    [Test]
    public async Task Not_found_points_at_the_model_name_and_base_url()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Error(404, "The model `nope` does not exist"));
        await using var target = TestModels.Create("openai/nope", Settings(server.BaseUrl), []);

        var error = (await Assert.ThrowsAsync<ModelException>(() => target.GenerateAsync(Request(), CancellationToken.None)))!;

        Assert.That(error.Kind, Is.EqualTo(ModelErrorKind.Permanent));
        Assert.That(error.Message, Does.Contain("check the model name 'nope'").And.Contain("--base-url").And.Contain("does not exist"));
    }

    [Test]
    public async Task Rate_limits_are_transient_and_carry_retry_after()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Error(429, "slow down", ("Retry-After", "7")));
        await using var target = TestModels.Create("openai/m", Settings(server.BaseUrl), []);

        var error = (await Assert.ThrowsAsync<ModelException>(() => target.GenerateAsync(Request(), CancellationToken.None)))!;

        Assert.That(error.Kind, Is.EqualTo(ModelErrorKind.Transient));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task A_retry_after_date_is_measured_on_the_injected_clock()
    {
        // 2026-01-01 00:00:00 is the manual clock's start; the server asks to wait until 00:00:45.
        var time = new ManualTime();
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Error(503, "busy", ("Retry-After", "Thu, 01 Jan 2026 00:00:45 GMT")));
        await using var target = TestModels.Create("openai/m", Settings(server.BaseUrl) with { Time = time }, []);

        var error = (await Assert.ThrowsAsync<ModelException>(() => target.GenerateAsync(Request(), CancellationToken.None)))!;
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(45)));

        time.Advance(TimeSpan.FromMinutes(5));
        var late = (await Assert.ThrowsAsync<ModelException>(() => target.GenerateAsync(Request(), CancellationToken.None)))!;
        Assert.That(late.RetryAfter, Is.EqualTo(TimeSpan.Zero), "a date already passed means no wait");
    }

    [Test]
    public async Task A_refused_connection_is_transient_and_names_the_endpoint()
    {
        Uri unused;
        await using (var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("x")))
        {
            unused = server.BaseUrl;
        }

        await using var target = TestModels.Create("openai/m", Settings(unused), []);
        var error = (await Assert.ThrowsAsync<ModelException>(() => target.GenerateAsync(Request(), CancellationToken.None)))!;
        Assert.That(error.Kind, Is.EqualTo(ModelErrorKind.Transient));
        Assert.That(error.Message, Does.Contain("cannot reach " + unused.ToString().TrimEnd('/')));
    }
}
