using EvalHarness.Cli;
using EvalHarness.Models;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Providers;

/// <summary>
/// Each failure the Messages API (or the network) can produce becomes a transient or permanent
/// <see cref="ModelException"/> with the status, the Retry-After the server asked for, and a message that
/// says what to fix and holds no part of the key.
/// </summary>
[TestFixture]
public sealed class AnthropicErrorTests
{
    private const string Key = "sk-ant-err-SECRETPART-9a8b7c6d5e4f";

    private static ModelSettings Settings(Uri baseUrl, TimeProvider? time = null) => new()
    {
        BaseUrl = baseUrl.ToString(),
        Environment = name => name == "ANTHROPIC_API_KEY" ? Key : null,
        Timeout = TimeSpan.FromSeconds(10),
        Time = time ?? TimeProvider.System,
    };

    private static GenerationRequest Request() => new("s", "a", 1, [new PromptMessage("user", "2+2?")], GenerationSettings.Empty);

    private static async Task<ModelException> FailureAsync(Func<FakeRequest, FakeReply> script, string spec = "anthropic/claude-test", ModelRequest? request = null, TimeProvider? time = null)
    {
        await using var server = await FakeAnthropicServer.StartAsync(script);
        var modelRequest = (request ?? new ModelRequest()) with { Settings = Settings(server.BaseUrl, time) };
        await using var model = Composition.Catalog.Models.Create(spec, modelRequest);
        var error = (await Assert.ThrowsAsync<ModelException>(() => model.GenerateAsync(Request(), CancellationToken.None)))!;
        Assert.That(error.ToString(), Does.Not.Contain("SECRETPART").And.Not.Contain("9a8b7c6d5e4f"), "no part of the key in the error");
        return error;
    }

    [Test]
    public async Task A_rate_limit_is_transient_congestion_with_the_retry_after_the_server_sent()
    {
        var error = await FailureAsync(_ => AnthropicReplies.RateLimited(7));

        Assert.That((error.Kind, error.StatusCode, error.RetryAfter), Is.EqualTo((ModelErrorKind.Transient, (int?)429, (TimeSpan?)TimeSpan.FromSeconds(7))));
        Assert.That(error.IsCongestion, Is.True);
        Assert.That(error.Message, Does.Contain("rate limited (HTTP 429, rate_limit_error)").And.Contain("per-minute rate limit"));
    }

    [Test]
    public async Task Retry_after_ms_is_preferred_and_a_retry_after_date_is_measured_on_the_injected_clock()
    {
        var precise = await FailureAsync(_ => AnthropicReplies.Error(429, "rate_limit_error", "slow down", ("retry-after", "2"), ("retry-after-ms", "1500")));
        Assert.That(precise.RetryAfter, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));

        // 2026-01-01 00:00:00 is the manual clock's start; the server asks to wait until 00:00:45.
        var dated = await FailureAsync(_ => AnthropicReplies.Error(429, "rate_limit_error", "slow down", ("retry-after", "Thu, 01 Jan 2026 00:00:45 GMT")), time: new ManualTime());
        Assert.That(dated.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(45)));
    }

    [Test]
    public async Task Overloaded_529_is_transient()
    {
        var error = await FailureAsync(_ => AnthropicReplies.Overloaded());

        Assert.That((error.Kind, error.StatusCode), Is.EqualTo((ModelErrorKind.Transient, (int?)529)));
        Assert.That(error.Message, Does.Contain("overloaded (HTTP 529, overloaded_error)"));
    }

    [TestCase(500, "api_error")]
    [TestCase(502, "api_error")]
    [TestCase(503, "overloaded_error")]
    [TestCase(504, "timeout_error")]
    [TestCase(408, "timeout_error")]
    public async Task Server_errors_and_timeouts_are_transient(int status, string type)
    {
        var error = await FailureAsync(_ => AnthropicReplies.Error(status, type, "try again"));

        Assert.That((error.Kind, error.StatusCode), Is.EqualTo((ModelErrorKind.Transient, (int?)status)));
        Assert.That(error.IsCongestion, Is.EqualTo(status == 503), "503 says the endpoint is overloaded");
    }

    [Test]
    public async Task A_gateway_page_instead_of_an_error_body_is_still_a_transient_http_error()
    {
        var error = await FailureAsync(_ => new FakeReply { Status = 502, Body = "<html>502 Bad Gateway</html>" });

        Assert.That((error.Kind, error.StatusCode), Is.EqualTo((ModelErrorKind.Transient, (int?)502)));
    }

    [Test]
    public async Task Unauthorized_is_permanent_names_the_variable_and_never_echoes_the_key()
    {
        var error = await FailureAsync(r => AnthropicReplies.Error(401, "authentication_error", $"invalid x-api-key: {Key}"));

        Assert.That((error.Kind, error.StatusCode), Is.EqualTo((ModelErrorKind.Permanent, (int?)401)));
        Assert.That(error.Message, Does.Contain("authentication failed").And.Contain("check the API key in ANTHROPIC_API_KEY").And.Contain("--api-key-env"));
    }

    [Test]
    public async Task A_judge_that_is_unauthorized_points_at_the_judge_options()
    {
        var error = await FailureAsync(
            _ => AnthropicReplies.Error(401, "authentication_error", "invalid x-api-key"),
            request: new ModelRequest { Option = "--judge", BaseUrlOption = "--judge-base-url", KeyOption = "--judge-api-key-env" });

        Assert.That(error.Message, Does.Contain("--judge-api-key-env"));
    }

    [Test]
    public async Task Forbidden_is_permanent_and_names_the_model_and_the_variable()
    {
        var error = await FailureAsync(_ => AnthropicReplies.Error(403, "permission_error", "Your API key does not have permission to use the specified resource."));

        Assert.That((error.Kind, error.StatusCode), Is.EqualTo((ModelErrorKind.Permanent, (int?)403)));
        Assert.That(error.Message, Does.Contain("ANTHROPIC_API_KEY").And.Contain("'claude-test'").And.Contain("does not have permission"));
    }

    [Test]
    public async Task Not_found_names_the_model_and_the_base_url_option()
    {
        var error = await FailureAsync(_ => AnthropicReplies.Error(404, "not_found_error", "model: claude-nope"), spec: "anthropic/claude-nope");

        Assert.That((error.Kind, error.StatusCode), Is.EqualTo((ModelErrorKind.Permanent, (int?)404)));
        Assert.That(error.Message, Does.Contain("check the model name 'claude-nope'").And.Contain("--base-url").And.Contain("without /v1").And.Contain("model: claude-nope"));
    }

    [Test]
    public async Task A_bad_request_is_permanent_with_the_servers_message_masked()
    {
        var error = await FailureAsync(_ => AnthropicReplies.Error(400, "invalid_request_error", $"temperature: range is 0 to 1 (request signed with {Key[4..24]})"));

        Assert.That((error.Kind, error.StatusCode), Is.EqualTo((ModelErrorKind.Permanent, (int?)400)));
        Assert.That(error.Message, Does.Contain("invalid_request_error").And.Contain("temperature: range is 0 to 1").And.Contain("[REDACTED]"));
    }

    [Test]
    public async Task Malformed_json_and_an_answer_without_text_are_transient()
    {
        var malformed = await FailureAsync(_ => FakeReply.Malformed());
        var empty = await FailureAsync(_ => FakeReply.NoChoices());

        Assert.That((malformed.Kind, malformed.StatusCode), Is.EqualTo((ModelErrorKind.Transient, (int?)null)));
        Assert.That(malformed.Message, Does.Contain("not a valid Messages API answer"));
        Assert.That(empty.Kind, Is.EqualTo(ModelErrorKind.Transient));
        Assert.That(empty.Message, Does.Contain("no text content"));
    }

    [Test]
    public async Task A_dropped_connection_is_transient()
    {
        var error = await FailureAsync(_ => FakeReply.Reset());

        Assert.That((error.Kind, error.StatusCode), Is.EqualTo((ModelErrorKind.Transient, (int?)null)));
    }

    [Test]
    public async Task A_refused_connection_is_transient_and_names_the_endpoint()
    {
        Uri unused;
        await using (var server = await FakeAnthropicServer.StartAsync(_ => FakeReply.Answer("x")))
        {
            unused = server.BaseUrl;
        }

        await using var model = TestModels.Create("anthropic/claude-test", Settings(unused), []);
        var error = (await Assert.ThrowsAsync<ModelException>(() => model.GenerateAsync(Request(), CancellationToken.None)))!;

        Assert.That(error.Kind, Is.EqualTo(ModelErrorKind.Transient));
        Assert.That(error.Message, Does.Contain("cannot reach " + unused.ToString().TrimEnd('/')));
    }
}
