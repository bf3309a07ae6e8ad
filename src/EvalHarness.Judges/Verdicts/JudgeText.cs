using System.Text;

namespace EvalHarness.Judges.Verdicts;

/// <summary>Short one-line quotations of a judge's answer for error messages.</summary>
internal static class JudgeText
{
    public const int QuoteLength = 80;

    /// <summary>The start of <paramref name="text"/>, for evidence that is already short.</summary>
    public static string Head(string text)
    {
        var flat = Flatten(text);
        if (flat.Length <= QuoteLength)
        {
            return flat;
        }

        var cut = char.IsHighSurrogate(flat[QuoteLength - 2]) ? QuoteLength - 2 : QuoteLength - 1;
        return flat[..cut] + "…";
    }

    /// <summary>The end of <paramref name="text"/>: a judge is asked to end with its verdict, so that is where to look.</summary>
    public static string Tail(string text)
    {
        var flat = Flatten(text);
        if (flat.Length <= QuoteLength)
        {
            return flat;
        }

        var from = flat.Length - (QuoteLength - 1);
        return "…" + flat[(char.IsLowSurrogate(flat[from]) ? from + 1 : from)..];
    }

    private static string Flatten(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 4 * QuoteLength));
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
