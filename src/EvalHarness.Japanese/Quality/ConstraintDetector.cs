using System.Text;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Finds the constraints a prompt states, in Japanese or English, in its instruction part only
/// (<see cref="InstructionText"/>: quoted text, passages and code are material, not instructions); the same
/// constraint stated twice counts once.
/// </summary>
internal static class ConstraintDetector
{
    public static List<Constraint> Detect(string prompt) => Read(prompt).Constraints;

    public static (List<Constraint> Constraints, InstructionText Instruction) Read(string prompt)
    {
        var instruction = InstructionText.Of(prompt.Normalize(NormalizationForm.FormKC));
        var found = new List<Constraint>();
        JapaneseConstraints.Find(instruction.Text, found);
        EnglishConstraints.Find(instruction.Text, found);
        return (Distinct(found), instruction);
    }

    public static List<Constraint> Distinct(IEnumerable<Constraint> constraints)
    {
        var seen = new HashSet<(ConstraintKind, int?, int?)>();
        return constraints.Where(c => seen.Add((c.Kind, c.Min, c.Max))).ToList();
    }
}
