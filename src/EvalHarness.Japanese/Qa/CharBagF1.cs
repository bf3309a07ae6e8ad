namespace EvalHarness.Japanese.Qa;

/// <summary>
/// SQuAD's token F1 with characters as the tokens, the usual reading of "character F1" for Japanese
/// extractive QA (there are no spaces to split words on): NFKC on both sides, every Python-whitespace
/// character dropped, multiset overlap of code points. No lower-casing and no punctuation removal.
/// </summary>
public static class CharBagF1
{
    public static CharBagF1Result Compute(string prediction, string reference)
    {
        var pred = Characters(prediction);
        var gold = Characters(reference);
        if (pred.Count == 0 || gold.Count == 0)
        {
            // The reference returns before computing precision and recall, so both stay undefined.
            return new CharBagF1Result(pred.Count, gold.Count, 0, null, null, pred.Count == gold.Count ? 1.0 : 0.0);
        }

        var counts = new Dictionary<int, int>();
        foreach (var cp in pred)
        {
            counts[cp] = counts.GetValueOrDefault(cp) + 1;
        }

        var common = 0;
        foreach (var cp in gold)
        {
            if (counts.TryGetValue(cp, out var left) && left > 0)
            {
                counts[cp] = left - 1;
                common++;
            }
        }

        var precision = (double)common / pred.Count;
        var recall = (double)common / gold.Count;

        // Python evaluates 2 * p * r / (p + r) left to right; the same order gives the same double.
        var f1 = common == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new CharBagF1Result(pred.Count, gold.Count, common, precision, recall, f1);
    }

    private static List<int> Characters(string text)
    {
        var result = new List<int>(text.Length);
        foreach (var cp in PythonText.CodePoints(PythonText.Nfkc(text)))
        {
            if (!PythonText.IsSpace(cp))
            {
                result.Add(cp);
            }
        }

        return result;
    }
}
