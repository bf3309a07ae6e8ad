using System.Text.RegularExpressions;

namespace EvalHarness.Providers;

/// <summary>
/// Removes credentials from text before it reaches a message, log or report: the configured key
/// itself, and anything shaped like a bearer token or an API key.
/// </summary>
public static partial class Redaction
{
    public const string Mask = "[REDACTED]";

    public static string Apply(string text, IEnumerable<string?> secrets)
    {
        var result = Secrets(text, secrets);
        result = BearerPattern().Replace(result, "Bearer " + Mask);
        return KeyPattern().Replace(result, Mask);
    }

    /// <summary>
    /// Only the configured secrets themselves, for answers: an endpoint may echo the key into one, but
    /// anything else key-shaped in an answer is the model's output and is what gets scored.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Secrets(string? text, IEnumerable<string?> secrets)
    {
        var result = text;
        foreach (var secret in secrets)
        {
            if (result is not null && !string.IsNullOrEmpty(secret) && secret.Length >= 4)
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return result;
    }

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9._~+/=\-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"\b(?:sk|pk|rk|key|api[-_]?key)[-_][A-Za-z0-9_\-\.\*]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
