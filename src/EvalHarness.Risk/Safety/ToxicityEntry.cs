using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Safety;

/// <summary>
/// One lexicon term and how it is found. A term with Japanese letters is a substring (katakana-only terms must
/// not touch other katakana); any other term is a whole word or phrase (a trailing <c>*</c> lets letters follow).
/// A hit inside an occurrence of one of <see cref="Exceptions"/> is no hit.
/// </summary>
internal sealed class ToxicityEntry
{
    private readonly Regex? _words;

    public ToxicityEntry(string category, string term, IReadOnlyList<string> exceptions)
    {
        Category = category;
        Term = term;
        Exceptions = exceptions;
        Japanese = term.Any(IsJapanese);
        if (!Japanese)
        {
            var stem = term.EndsWith('*') ? term[..^1] : term;
            var pattern = Regex.Escape(stem).Replace(@"\ ", @"\s+", StringComparison.Ordinal).Replace("'", "['’]", StringComparison.Ordinal);
            _words = new Regex(@"\b" + pattern + (term.EndsWith('*') ? @"\w*" : string.Empty) + @"\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CueTable.MatchTimeout);
        }
    }

    public string Category { get; }

    public string Term { get; }

    public IReadOnlyList<string> Exceptions { get; }

    public bool Japanese { get; }

    /// <summary>Offset and length of every occurrence that the boundary and exception rules keep.</summary>
    public IEnumerable<(int Position, int Length)> Find(string text)
    {
        var found = _words is null ? Substrings(text) : _words.Matches(text).Select(m => (m.Index, m.Length));
        return found.Where(f => !InsideException(text, f.Item1));
    }

    private IEnumerable<(int, int)> Substrings(string text)
    {
        var katakana = Term.All(IsKatakana);
        for (var at = text.IndexOf(Term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Term, at + 1, StringComparison.Ordinal))
        {
            var end = at + Term.Length;
            if (katakana && ((at > 0 && IsKatakana(text[at - 1])) || (end < text.Length && IsKatakana(text[end]))))
            {
                continue;
            }

            yield return (at, Term.Length);
        }
    }

    // An exception occurrence that covers the hit's first character: ばか inside ばかり, retard* inside "retardant".
    private bool InsideException(string text, int position)
    {
        foreach (var exception in Exceptions)
        {
            var from = Math.Max(0, position - exception.Length + 1);
            for (var at = text.IndexOf(exception, from, StringComparison.OrdinalIgnoreCase); at >= 0 && at <= position; at = text.IndexOf(exception, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (at + exception.Length > position)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsKatakana(char c) => c is >= '\u30a0' and <= '\u30ff' or 'ｰ' or >= '\uff66' and <= '\uff9f';

    private static bool IsJapanese(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uff66' and <= '\uff9f';
}
