namespace EvalHarness.Suites;

/// <summary>Letters that label multiple-choice options: A for the first option, B for the second, ...</summary>
public static class ChoiceLabels
{
    public const int Max = 26;

    public static char Letter(int index) => (char)('A' + index);

    /// <summary>0-based option index of a label letter (either case), or -1.</summary>
    public static int IndexOf(char letter)
    {
        var upper = char.ToUpperInvariant(letter);
        return upper is >= 'A' and <= 'Z' ? upper - 'A' : -1;
    }

    public static string LetterList(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => Letter(i).ToString()));
}
