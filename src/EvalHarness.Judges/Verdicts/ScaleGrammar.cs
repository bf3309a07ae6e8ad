using System.Globalization;

namespace EvalHarness.Judges.Verdicts;

/// <summary>A whole-number rating from <see cref="Min"/> to <see cref="Max"/> (safety 1–5, quality 1–10).</summary>
public sealed record ScaleGrammar : VerdictGrammar
{
    public ScaleGrammar(int min, int max)
    {
        if (min >= max)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "a scale's maximum must be above its minimum");
        }

        Min = min;
        Max = max;
    }

    public int Min { get; }

    public int Max { get; }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"a whole number from {Min} to {Max}");

    internal override VerdictParse ReadNumber(string text, double number, int? outOf)
    {
        if (outOf is { } max && max != Max)
        {
            return VerdictParse.Failed(string.Create(CultureInfo.InvariantCulture, $"{text}/{max} is not on the scale from {Min} to {Max}"));
        }

        if (number != Math.Floor(number))
        {
            return VerdictParse.Failed($"{text} is not a whole number");
        }

        return number < Min || number > Max
            ? VerdictParse.Failed(string.Create(CultureInfo.InvariantCulture, $"{text} is outside the scale from {Min} to {Max}"))
            : VerdictParse.Of(number);
    }

    internal override VerdictParse ReadWord(string word) =>
        VerdictParse.Failed($"'{word}' is not a rating (expected {Describe()})");
}
