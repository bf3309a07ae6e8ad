using System.Text;

namespace EvalHarness.Scorers.Japanese.Quality;

/// <summary>Finds the constraints a prompt states, in Japanese or English; the same constraint stated twice counts once.</summary>
internal static class ConstraintDetector
{
    public static List<Constraint> Detect(string prompt)
    {
        var text = prompt.Normalize(NormalizationForm.FormKC);
        var found = new List<Constraint>();
        JapaneseConstraints.Find(text, found);
        EnglishConstraints.Find(text, found);
        return Distinct(found);
    }

    public static List<Constraint> Distinct(IEnumerable<Constraint> constraints)
    {
        var seen = new HashSet<(ConstraintKind, int?, int?)>();
        return constraints.Where(c => seen.Add((c.Kind, c.Min, c.Max))).ToList();
    }
}
