using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using EvalHarness.Infrastructure;
using EvalHarness.Models;

namespace EvalHarness.Providers.Anthropic;

/// <summary>
/// Turns HTTP statuses and network exceptions into <see cref="ModelException"/>s that say what to fix, classified
/// as transient (worth retrying) or permanent, with secrets removed. Error bodies have the Messages API's
/// shape, <c>{"type":"error","error":{"type":"rate_limit_error","message":"…"}}</c>.
/// </summary>
internal static partial class AnthropicErrors
{
    /// <summary>A failure before an HTTP status arrived: the network, a timeout, or a body that could not be read.</summary>
    public static ModelException From(Exception exception, AnthropicModelOptions options, string endpoint)
    {
        string?[] secrets = [options.ApiKey];
        return exception switch
        {
            HttpRequestException or IOException or SocketException => new ModelException(
                $"cannot reach {endpoint}: {Redaction.Apply(Innermost(exception).Message, secrets)}",
                ModelErrorKind.Transient),
            TaskCanceledException or TimeoutException or OperationCanceledException => new ModelException(
                $"no answer from {endpoint} within {options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (per-attempt timeout)",
                ModelErrorKind.Transient),
            JsonException or FormatException or InvalidOperationException or ArgumentException => Malformed(endpoint, exception.GetType().Name),
            _ => new ModelException(
                $"request to {endpoint} failed: {exception.GetType().Name}: {Redaction.Apply(exception.Message, secrets)}",
                ModelErrorKind.Transient),
        };
    }

    /// <summary>A 200 whose body is not a Messages API answer, or holds no text: worth asking again.</summary>
    public static ModelException Malformed(string endpoint, string what) =>
        new($"{endpoint} sent a response that is not a valid Messages API answer ({what})", ModelErrorKind.Transient);

    /// <summary>An HTTP error status, with the server's error type and text and the Retry-After it sent.</summary>
    public static ModelException FromStatus(int status, string? body, AnthropicModelOptions options, string endpoint, HttpResponseMessage? response)
    {
        string?[] secrets = [options.ApiKey];
        var (type, detail) = ServerError(body, secrets);
        var retryAfter = RetryAfterHeader.Read(response, options.Time);
        var what = $"HTTP {status}" + (type is null ? string.Empty : $", {type}");
        var (kind, message) = status switch
        {
            401 => (ModelErrorKind.Permanent, options.ApiKey is null
                ? $"authentication failed ({what}) at {endpoint}: no key was sent; export the API key in {options.ApiKeyVariable} (or name another variable with {options.KeyOption})"
                : $"authentication failed ({what}) at {endpoint}: check the API key in {options.ApiKeyVariable} (or choose another variable with {options.KeyOption})"),
            403 => (ModelErrorKind.Permanent, $"access denied ({what}) at {endpoint}: the key in {options.ApiKeyVariable} is not allowed to use model '{options.Model}'" + Suffix(detail)),
            404 => (ModelErrorKind.Permanent, $"not found ({what}) at {endpoint}: check the model name '{options.Model}' and that {options.BaseUrlOption} is the API root without /v1 (requests go to …/v1/messages)" + Suffix(detail)),
            400 or 413 or 422 => (ModelErrorKind.Permanent, $"the endpoint rejected the request ({what}): check the generation settings and the model name '{options.Model}'" + Suffix(detail)),
            429 => (ModelErrorKind.Transient, $"rate limited ({what}) by {endpoint}" + Suffix(detail)),
            529 => (ModelErrorKind.Transient, $"overloaded ({what}) at {endpoint}" + Suffix(detail)),
            408 or 409 or 425 or >= 500 => (ModelErrorKind.Transient, $"{what} from {endpoint}" + Suffix(detail)),
            _ => (ModelErrorKind.Permanent, $"{what} from {endpoint}" + Suffix(detail)),
        };
        return new ModelException(message, kind, status, retryAfter);
    }

    /// <summary>
    /// The error's type and the server's own text (error.message), shortened and masked. Never for 401 (the
    /// caller leaves it out), whose text may echo the key.
    /// </summary>
    private static (string? Type, string? Message) ServerError(string? body, string?[] secrets)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        string? type = null;
        string? text;
        try
        {
            using var document = JsonDocument.Parse(body);
            text = null;
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    type = error.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && ErrorType().IsMatch(t.GetString()!) ? t.GetString() : null;
                    text = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                }
                else if (error.ValueKind == JsonValueKind.String)
                {
                    text = error.GetString();
                }
            }
        }
        catch (JsonException)
        {
            text = body;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (type, null);
        }

        text = Redaction.Apply(text.ReplaceLineEndings(" ").Trim(), secrets);
        return (type, text.Length > 300 ? text[..300] + "…" : text);
    }

    private static string Suffix(string? detail) => detail is null ? string.Empty : $": {detail}";

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }

    // An error type is shown as sent only when it looks like one (rate_limit_error); anything else the
    // server put there is left out rather than trusted.
    [GeneratedRegex("^[a-z][a-z_]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorType();
}
