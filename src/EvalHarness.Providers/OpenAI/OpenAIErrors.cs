using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using EvalHarness.Models;
using EvalHarness.Infrastructure;

namespace EvalHarness.Providers.OpenAI;

/// <summary>
/// Turns HTTP statuses and network exceptions into <see cref="ModelException"/>s that say what to fix, classified
/// as transient (worth retrying) or permanent, with secrets removed.
/// </summary>
internal static class OpenAIErrors
{
    /// <summary>A failure before an HTTP status arrived: the network, a timeout, or a body that could not be read.</summary>
    public static ModelException From(Exception exception, OpenAIModelOptions options, string endpoint)
    {
        var secrets = new[] { options.ApiKey };
        switch (exception)
        {
            case HttpRequestException or IOException or SocketException:
                return new ModelException(
                    $"cannot reach {endpoint}: {Redaction.Apply(Innermost(exception).Message, secrets)}",
                    ModelErrorKind.Transient);
            case TaskCanceledException or TimeoutException or OperationCanceledException:
                return new ModelException(
                    $"no answer from {endpoint} within {options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (per-attempt timeout)",
                    ModelErrorKind.Transient);
            case InvalidCompletionException invalid:
                return new ModelException(
                    $"{endpoint} sent a response that is not a valid chat completion: {Redaction.Apply(invalid.Message, secrets)}",
                    ModelErrorKind.Transient);
            case JsonException or FormatException or InvalidOperationException or ArgumentOutOfRangeException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException:
                return new ModelException(
                    $"{endpoint} sent a response that is not a valid chat completion ({exception.GetType().Name})",
                    ModelErrorKind.Transient);
            default:
                return new ModelException(
                    $"request to {endpoint} failed: {exception.GetType().Name}: {Redaction.Apply(exception.Message, secrets)}",
                    ModelErrorKind.Transient);
        }
    }

    /// <summary>An HTTP error status, with the server's error text and the Retry-After it sent.</summary>
    public static ModelException FromStatus(int status, string? body, HttpResponseMessage? response, OpenAIModelOptions options, string endpoint)
    {
        string?[] secrets = [options.ApiKey];
        var detail = ServerMessage(body, secrets);
        var retryAfter = RetryAfterHeader.Read(response, options.Time);
        var (kind, message) = status switch
        {
            401 => (ModelErrorKind.Permanent, $"authentication failed (HTTP 401) at {endpoint}: check the API key in {options.ApiKeyVariable} (or choose another variable with {options.KeyOption})"),
            403 => (ModelErrorKind.Permanent, $"access denied (HTTP 403) at {endpoint}: the key in {options.ApiKeyVariable} is not allowed to use model '{options.Model}'" + Suffix(detail)),
            404 => (ModelErrorKind.Permanent, $"not found (HTTP 404) at {endpoint}: check the model name '{options.Model}' and that --base-url ends with the API root (usually …/v1)" + Suffix(detail)),
            400 or 422 => (ModelErrorKind.Permanent, $"the endpoint rejected the request (HTTP {status}): check the generation settings and the model name" + Suffix(detail)),
            408 or 409 or 425 or 429 or >= 500 => (ModelErrorKind.Transient, $"HTTP {status} from {endpoint}" + (status == 429 ? " (rate limited)" : string.Empty) + Suffix(detail)),
            _ => (ModelErrorKind.Permanent, $"HTTP {status} from {endpoint}" + Suffix(detail)),
        };
        return new ModelException(message, kind, status, retryAfter);
    }

    /// <summary>The server's own error text (error.message), shortened; never for 401, whose text may echo the key.</summary>
    private static string? ServerMessage(string? body, string?[] secrets)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        string? text = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error))
            {
                text = error.ValueKind == JsonValueKind.String ? error.GetString()
                    : error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()
                    : null;
            }
        }
        catch (JsonException)
        {
            text = body;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = Redaction.Apply(text.ReplaceLineEndings(" ").Trim(), secrets);
        return text.Length > 300 ? text[..300] + "…" : text;
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
}
