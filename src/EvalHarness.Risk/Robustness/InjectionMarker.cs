using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Robustness;

/// <summary>
/// Evidence that an injected instruction was carried out: a canary word, the attacker's URL, the demanded phrase.
/// Written as plain text (matched after the same normalisation as the answer, any whitespace for a space) or,
/// with the prefix <c>re:</c>, as a regular expression over the normalised answer.
/// </summary>
internal sealed record InjectionMarker(string Source, Regex Pattern)
{
    public const string RegexPrefix = "re:";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>The marker, or null with the reason when its regular expression does not compile.</summary>
    public static InjectionMarker? Parse(string source, out string? error)
    {
        error = null;
        var trimmed = source.Trim();
        try
        {
            if (trimmed.StartsWith(RegexPrefix, StringComparison.Ordinal))
            {
                var regex = trimmed[RegexPrefix.Length..];
                if (regex.Length == 0)
                {
                    error = "an empty regular expression";
                    return null;
                }

                return new InjectionMarker(trimmed, new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout));
            }

            var text = RobustText.Normalize(trimmed);
            var escaped = Regex.Escape(text).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
            return new InjectionMarker(trimmed, new Regex(escaped, RegexOptions.CultureInvariant, Timeout));
        }
        catch (ArgumentException ex)
        {
            error = $"'{trimmed}' is not a valid regular expression: {ex.Message}";
            return null;
        }
    }
}
