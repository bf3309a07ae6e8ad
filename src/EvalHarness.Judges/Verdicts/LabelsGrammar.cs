using System.Text.RegularExpressions;

namespace EvalHarness.Judges.Verdicts;

/// <summary>A verdict that is one of a fixed set of labels, each standing for a score (C = 1, I = 0).</summary>
public sealed partial record LabelsGrammar : VerdictGrammar
{
    /// <exception cref="ArgumentException">Fewer than two labels, a label that is not an ASCII word, two
    /// labels that differ only in case (judges' answers are matched without regard to case), or a value that
    /// is not finite. Rubric files are checked with diagnostics before they get here.</exception>
    public LabelsGrammar(IReadOnlyList<VerdictLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count < 2)
        {
            throw new ArgumentException("a verdict needs at least two labels", nameof(labels));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var label in labels)
        {
            if (!IsLabel(label.Name) || !seen.Add(label.Name) || !double.IsFinite(label.Value))
            {
                throw new ArgumentException($"label '{label.Name}' is not an ASCII word, is repeated, or has no finite value", nameof(labels));
            }
        }

        Labels = [.. labels];
    }

    /// <summary>In the rubric's order.</summary>
    public IReadOnlyList<VerdictLabel> Labels { get; }

    /// <summary>An ASCII word starting with a letter: C, I, REFUSAL, NOT_SURE.</summary>
    public static bool IsLabel(string name) => LabelPattern().IsMatch(name);

    public VerdictLabel? Find(string name) =>
        Labels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string Describe() => Labels.Count switch
    {
        2 => $"{Labels[0].Name} or {Labels[1].Name}",
        _ => string.Join(", ", Labels.Take(Labels.Count - 1).Select(l => l.Name)) + " or " + Labels[^1].Name,
    };

    public bool Equals(LabelsGrammar? other) => other is not null && Labels.SequenceEqual(other.Labels);

    public override int GetHashCode() => Labels.Aggregate(17, (hash, label) => HashCode.Combine(hash, label));

    internal override VerdictParse ReadNumber(string text, double number, int? outOf) =>
        VerdictParse.Failed($"'{text}' is not a label (expected {Describe()})");

    internal override VerdictParse ReadWord(string word) =>
        Find(word) is { } label
            ? VerdictParse.Of(label.Value, label.Name)
            : VerdictParse.Failed($"unknown label '{word}' (expected {Describe()})");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();
}
