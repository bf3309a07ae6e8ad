using System.Text.RegularExpressions;
using EvalHarness.Tokenization;

namespace EvalHarness.Scorers.Tokenization;

/// <summary>
/// sacreBLEU's <c>13a</c> tokenizer (mteval-v13a.pl): a few entity and line-break replacements, then
/// the four regular expressions of its <c>TokenizerRegexp</c> in order, then Python's whitespace
/// split and join. The expressions only name ASCII characters, so running them over UTF-16 units
/// gives the same text as Python's code-point matching: a surrogate never matches a named class, and
/// where it matches a negated one the replacement keeps it in place.
/// </summary>
internal sealed partial class Tokenizer13a : IMetricTokenizer
{
    public static Tokenizer13a Instance { get; } = new();

    public string Name => "13a";

    public string Description => "sacreBLEU's 13a (mteval-v13a): the default for BLEU on languages without a tokenizer of their own";

    public string Signature => "13a";

    public string Apply(string line) => string.Join(' ', Tokenize(line));

    public List<string> Tokenize(string line)
    {
        line = line.Replace("<skipped>", string.Empty, StringComparison.Ordinal)
            .Replace("-\n", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
        if (line.Contains('&', StringComparison.Ordinal))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal);
        }

        line = " " + line + " ";
        line = Punctuation().Replace(line, " $1 ");
        line = PeriodCommaAfterNonDigit().Replace(line, "$1 $2 ");
        line = PeriodCommaBeforeNonDigit().Replace(line, " $1 $2");
        line = DashAfterDigit().Replace(line, "$1 $2 ");
        return PythonWhitespace.Split(line);
    }

    // Every ASCII punctuation mark except ' , - . (and the space): [\{-\~\[-\` -\&\(-\+\:-\@\/] in sacreBLEU.
    [GeneratedRegex(@"([\x7B-\x7E\x5B-\x60\x20-\x26\x28-\x2B\x3A-\x40\x2F])", RegexOptions.CultureInvariant)]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"([^0-9])([.,])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodCommaAfterNonDigit();

    [GeneratedRegex(@"([.,])([^0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodCommaBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)", RegexOptions.CultureInvariant)]
    private static partial Regex DashAfterDigit();
}
