using EvalHarness.Configuration;

namespace EvalHarness.Japanese.Qa;

/// <summary>
/// What happens to the output and the target before an llm-jp-eval metric sees them. llm-jp-eval
/// NFKC-normalises the prediction; whether the gold answer is normalised too is the <c>nfkc_target</c>
/// option. Its evaluation loop also keeps only the text before the first blank line of the output
/// (<c>first_paragraph</c>).
/// </summary>
internal sealed record QaTextOptions(bool NfkcTarget, bool FirstParagraph)
{
    public static QaTextOptions Read(ConfigSection options, bool withNfkcTarget = true) => new(
        withNfkcTarget && (options.GetBool("nfkc_target") ?? false),
        options.GetBool("first_paragraph") ?? false);

    /// <summary>The output as the metric receives it: cut at the first blank line if asked, then NFKC.</summary>
    public string Prediction(string output) => PythonText.Nfkc(FirstParagraph ? Cut(output) : output);

    public string Target(string target) => NfkcTarget ? PythonText.Nfkc(target) : target;

    /// <summary>Python's <c>output.split("\n\n")[0]</c>.</summary>
    public static string Cut(string output)
    {
        var blank = output.IndexOf("\n\n", StringComparison.Ordinal);
        return blank < 0 ? output : output[..blank];
    }
}
