namespace EvalHarness.Scorers.Tokenization;

/// <summary>
/// chrF++'s words (sacreBLEU's <c>CHRF._remove_punctuation</c>, after Popović's chrF++.py): the
/// whitespace-separated words, with one ASCII punctuation mark split off the end of a word, or else
/// off its start. Only one mark is split, so "(hi)" gives "(hi" and ")" (sacreBLEU issue #124).
/// </summary>
public static class ChrFWords
{
    /// <summary>Python's <c>string.punctuation</c>.</summary>
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static List<string> Split(string sentence)
    {
        var words = PythonWhitespace.Split(sentence);
        var result = new List<string>(words.Count + 4);
        foreach (var w in words)
        {
            // Python's len(w) == 1 counts code points: a lone non-BMP character is kept whole.
            if (w.Length == 1 || (w.Length == 2 && char.IsSurrogatePair(w[0], w[1])))
            {
                result.Add(w);
            }
            else if (Punctuation.Contains(w[^1], StringComparison.Ordinal))
            {
                result.Add(w[..^1]);
                result.Add(w[^1..]);
            }
            else if (Punctuation.Contains(w[0], StringComparison.Ordinal))
            {
                result.Add(w[..1]);
                result.Add(w[1..]);
            }
            else
            {
                result.Add(w);
            }
        }

        return result;
    }
}
