namespace EvalHarness.Scorers.Text;

/// <summary>Short quotations of model output for explanations, so a log line never carries a whole essay twice.</summary>
public static class Snippet
{
    public static string Of(string text, int max = 80)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        if (flat.Length <= max)
        {
            return flat;
        }

        // Never cut a surrogate pair in half.
        var cut = char.IsHighSurrogate(flat[max - 1]) ? max - 1 : max;
        return flat[..cut] + "…";
    }
}
