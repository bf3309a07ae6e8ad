using System.Globalization;

namespace EvalHarness.Providers;

/// <summary>
/// How long a failed response asks the client to wait: <c>retry-after-ms</c> (which OpenAI-style servers send)
/// first, else <c>Retry-After</c> in seconds or as an HTTP date measured against <paramref name="time"/>'s clock.
/// </summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider time)
    {
        if (response is null)
        {
            return null;
        }

        if (First(response, "retry-after-ms") is { } ms && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (First(response, "retry-after") is not { } value)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            var delay = when - time.GetUtcNow();
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }

    private static string? First(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
