using System.Globalization;
using System.Text;
using EvalHarness.Configuration;

namespace EvalHarness.Scorers.Text;

/// <summary>
/// How answers and targets are made comparable: NFKC folds full-width and half-width forms
/// (Ｂ → B, ｶ → カ, １２ → 12), case folding ignores capitalisation, and whitespace runs collapse.
/// </summary>
public sealed record TextNormalization(bool Nfkc, bool IgnoreCase, bool IgnorePunctuation)
{
    public static TextNormalization Default { get; } = new(Nfkc: true, IgnoreCase: true, IgnorePunctuation: false);

    /// <summary>Reads <c>nfkc</c>, <c>ignore_case</c> and <c>ignore_punctuation</c> from scorer options.</summary>
    public static TextNormalization Read(ConfigSection options, TextNormalization? defaults = null)
    {
        var d = defaults ?? Default;
        return new TextNormalization(
            options.GetBool("nfkc") ?? d.Nfkc,
            options.GetBool("ignore_case") ?? d.IgnoreCase,
            options.GetBool("ignore_punctuation") ?? d.IgnorePunctuation);
    }

    /// <summary>Reads only <c>nfkc</c> and <c>ignore_case</c>, for scorers where punctuation carries meaning.</summary>
    public static TextNormalization ReadWidthAndCase(ConfigSection options) => new(
        options.GetBool("nfkc") ?? Default.Nfkc,
        options.GetBool("ignore_case") ?? Default.IgnoreCase,
        IgnorePunctuation: false);

    public string Apply(string text)
    {
        var value = Nfkc ? text.Normalize(NormalizationForm.FormKC) : text;
        if (IgnoreCase)
        {
            value = value.ToLowerInvariant();
        }

        var sb = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (IgnorePunctuation && IsPunctuation(rune))
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(rune.ToString());
        }

        return sb.ToString();
    }

    private static bool IsPunctuation(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
        _ => false,
    };
}
