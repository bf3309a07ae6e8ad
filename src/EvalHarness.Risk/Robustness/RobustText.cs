using System.Text;

namespace EvalHarness.Risk.Robustness;

/// <summary>
/// The comparison form of answers, markers and phrases: NFKC (full-width ＡＢＣ１２３ and half-width ｶﾅ fold to
/// their usual forms), lower case, runs of spaces and tabs as one space. Line breaks are kept, because
/// they end sentences and the first line of a short answer is its answer.
/// </summary>
internal static class RobustText
{
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (c is '\r')
            {
                continue;
            }

            if (c != '\n' && char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0 && sb[^1] != '\n';
                continue;
            }

            if (pendingSpace && c != '\n')
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }
}
