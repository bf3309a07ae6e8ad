namespace EvalHarness.Providers.Anthropic;

/// <summary>
/// The HTTP handler under the SDK: sends every request through the shared client and keeps the
/// Retry-After headers of a failed response for the call that is waiting on it (an <see cref="AsyncLocal{T}"/>
/// set by the caller, since one client serves many calls at once).
/// </summary>
internal sealed class ResponseCapture(HttpClient inner) : HttpMessageHandler
{
    private static readonly AsyncLocal<CapturedResponse?> s_current = new();

    /// <summary>Collects the headers of failed responses sent during the caller's own asynchronous flow.</summary>
    public static CapturedResponse Begin()
    {
        var captured = new CapturedResponse();
        s_current.Value = captured;
        return captured;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var forwarded = Copy(request);
        var response = await inner.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && s_current.Value is { } captured)
        {
            captured.RetryAfter = Header(response, "retry-after");
            captured.RetryAfterMs = Header(response, "retry-after-ms");
        }

        return response;
    }

    /// <summary>An HttpClient sends a request message once, and the SDK's client has already claimed this one.</summary>
    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        return copy;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
