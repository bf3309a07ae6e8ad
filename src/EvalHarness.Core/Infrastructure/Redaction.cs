using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Infrastructure;

/// <summary>
/// Removes credentials from text before it reaches a message, log or report: the configured key
/// itself (and any long part of it), and anything shaped like a bearer token or an API key.
/// </summary>
public static partial class Redaction
{
    public const string Mask = "[REDACTED]";

    /// <summary>
    /// A run of this many characters of a key is masked like the whole key: an endpoint or a model that
    /// echoes a truncated or split key still gives most of it away, while a shorter run may be chance.
    /// </summary>
    public const int FragmentLength = 12;

    // Keys shorter than this are too likely to occur by chance in ordinary text to be masked at all.
    private const int MinimumSecretLength = 4;

    private static volatile Tuple<string, HashSet<string>>? s_recent;

    public static string Apply(string text, IEnumerable<string?> secrets)
    {
        var result = Secrets(text, secrets);
        result = BearerPattern().Replace(result, "Bearer " + Mask);
        return KeyPattern().Replace(result, Mask);
    }

    /// <summary>
    /// Only the configured secrets themselves, for answers: an endpoint may echo the key into one, but
    /// anything else key-shaped in an answer is the model's output and is what gets scored. A secret of
    /// <see cref="FragmentLength"/> characters or more is masked wherever any run of that many of its
    /// characters appears; a shorter one only in full.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Secrets(string? text, IEnumerable<string?> secrets)
    {
        var result = text;
        foreach (var secret in secrets)
        {
            if (result is null || string.IsNullOrEmpty(secret) || secret.Length < MinimumSecretLength)
            {
                continue;
            }

            result = secret.Length < FragmentLength
                ? result.Replace(secret, Mask, StringComparison.Ordinal)
                : MaskFragments(result, FragmentsOf(secret));
        }

        return result;
    }

    /// <summary>
    /// True when <paramref name="text"/> holds <paramref name="secret"/> or, for a long secret, any run of
    /// <see cref="FragmentLength"/> of its characters: what <see cref="Secrets"/> would mask.
    /// </summary>
    public static bool Contains(string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumSecretLength)
        {
            return false;
        }

        return secret.Length < FragmentLength
            ? text.Contains(secret, StringComparison.Ordinal)
            : AnyFragment(text, FragmentsOf(secret));
    }

    /// <summary>
    /// Every window of the text is looked up among the secret's windows, so the cost grows with the text
    /// alone (answers can be long, keys are short); overlapping or touching matches become one mask.
    /// </summary>
    private static string MaskFragments(string text, HashSet<string> windows)
    {
        var lookup = windows.GetAlternateLookup<ReadOnlySpan<char>>();
        StringBuilder? builder = null;
        int copied = 0, runStart = -1, runEnd = -1;
        for (var i = 0; i + FragmentLength <= text.Length; i++)
        {
            if (!lookup.Contains(text.AsSpan(i, FragmentLength)))
            {
                continue;
            }

            if (runStart >= 0 && i <= runEnd)
            {
                runEnd = i + FragmentLength;
                continue;
            }

            if (runStart >= 0)
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, runStart - copied).Append(Mask);
                copied = runEnd;
            }

            (runStart, runEnd) = (i, i + FragmentLength);
        }

        if (runStart < 0)
        {
            return text;
        }

        builder ??= new StringBuilder(text.Length);
        builder.Append(text, copied, runStart - copied).Append(Mask);
        return builder.Append(text, runEnd, text.Length - runEnd).ToString();
    }

    private static bool AnyFragment(string text, HashSet<string> windows)
    {
        var lookup = windows.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i + FragmentLength <= text.Length; i++)
        {
            if (lookup.Contains(text.AsSpan(i, FragmentLength)))
            {
                return true;
            }
        }

        return false;
    }

    // A run masks the same key in every answer; building its windows once per key, not per answer, keeps that cheap.
    private static HashSet<string> FragmentsOf(string secret)
    {
        if (s_recent is { } recent && string.Equals(recent.Item1, secret, StringComparison.Ordinal))
        {
            return recent.Item2;
        }

        var windows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + FragmentLength <= secret.Length; i++)
        {
            windows.Add(secret.Substring(i, FragmentLength));
        }

        s_recent = Tuple.Create(secret, windows);
        return windows;
    }

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9._~+/=\-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"\b(?:sk|pk|rk|key|api[-_]?key)[-_][A-Za-z0-9_\-\.\*]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
