namespace EvalHarness.Japanese.Qa;

/// <summary>
/// llm-jp-eval's <c>set_f1(y_pred, y_true)</c>, used for answers that are lists of lines (chABSA, the
/// Wikipedia annotation tasks). Lines are split on "\n" only and stripped of Python whitespace; prediction
/// lines are de-duplicated, reference lines are not, and both the precision and the recall numerator count
/// distinct prediction lines found among the reference lines. Splitting never yields an empty list (an
/// empty text is one empty line), so there is no zero denominator.
/// </summary>
public static class SetF1
{
    public static SetF1Result Compute(string prediction, string reference)
    {
        var expected = reference.Split('\n').Select(PythonText.Strip).ToList();
        var predicted = prediction.Split('\n').Select(PythonText.Strip).Distinct(StringComparer.Ordinal).ToList();
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        var matched = predicted.Count(expectedSet.Contains);

        var precision = (double)matched / predicted.Count;
        var recall = (double)matched / expected.Count;
        var f1 = precision + recall != 0 ? 2 * (precision * recall) / (precision + recall) : 0.0;
        return new SetF1Result(predicted.Count, expected.Count, matched, precision, recall, f1);
    }
}
