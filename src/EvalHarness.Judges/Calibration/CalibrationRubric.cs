using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Judges.Agreement;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Judges.Verdicts;
using EvalHarness.Scoring;

namespace EvalHarness.Judges.Calibration;

/// <summary>
/// A rubric as a calibration check uses it: its versions by language, the verdicts a human label may take
/// (the categories of κ and of the confusion matrix, in the rubric's order), and how κ weighs disagreements.
/// </summary>
public sealed class CalibrationRubric
{
    private readonly Dictionary<string, Rubric> _versions;
    private readonly Dictionary<string, string> _files;

    /// <param name="files">For a rubric from files: each language's file, as the judge scorer's <c>rubric</c> option names it.</param>
    internal CalibrationRubric(string id, IEnumerable<Rubric> versions, IReadOnlyDictionary<string, string>? files = null)
    {
        Id = id;
        _versions = versions.ToDictionary(r => r.Language, StringComparer.Ordinal);
        _files = files?.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal) ?? [];
        Verdict = _versions.Values.First().Verdict;
        (Categories, Weighting) = Verdict switch
        {
            LabelsGrammar labels => (labels.Labels.Select(l => l.Name).ToList(), KappaWeighting.Unweighted),
            ScaleGrammar scale => (Enumerable.Range(scale.Min, scale.Max - scale.Min + 1).Select(Text).ToList(), KappaWeighting.Quadratic),
            _ => throw new ArgumentException("a rubric's verdict is labels or a scale", nameof(versions)),
        };
    }

    public string Id { get; }

    /// <summary>The languages the rubric exists in.</summary>
    public IReadOnlyList<string> Languages => [.. _versions.Keys.Order(StringComparer.Ordinal)];

    public VerdictGrammar Verdict { get; }

    /// <summary>The verdicts in the rubric's order: its labels, or every rating from the scale's minimum up.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Unweighted for labels (nominal); quadratic for a scale, so a near miss costs little.</summary>
    public KappaWeighting Weighting { get; }

    public bool IsBuiltIn => _files.Count == 0;

    public Rubric? Version(string language) => _versions.GetValueOrDefault(language);

    /// <summary>The judge scorer's <c>rubric</c> option for <paramref name="language"/>: the built-in id, or the rubric file.</summary>
    public string ScorerOption(string language) => _files.TryGetValue(language, out var file) ? file : Id;

    /// <summary>The human label as the rubric spells it; null when it is not one of the rubric's verdicts.</summary>
    public string? Normalise(JsonNode? label)
    {
        if (label is not JsonValue value)
        {
            return null;
        }

        if (Verdict is LabelsGrammar labels)
        {
            return value.GetValueKind() == JsonValueKind.String && labels.Find(value.GetValue<string>()) is { } found ? found.Name : null;
        }

        double? number = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.GetValue<double>(),
            JsonValueKind.String when double.TryParse(value.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return number is { } n && Rating(n) is { } rating ? rating : null;
    }

    /// <summary>
    /// The judge's verdict from its score, as a category; null when it gave none, or when a panel's combined
    /// verdict is not one of the categories (a split panel voting by mean).
    /// </summary>
    public string? VerdictOf(Score score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.Value is not { } value)
        {
            return null;
        }

        return Verdict is LabelsGrammar
            ? Categories.FirstOrDefault(c => string.Equals(c, score.Answer, StringComparison.Ordinal))
            : Rating(value);
    }

    /// <summary>What the human label may be, for messages: "C or I", "a whole number from 1 to 5".</summary>
    public string Describe() => Verdict.Describe();

    private string? Rating(double value) =>
        Verdict is ScaleGrammar scale && value == Math.Floor(value) && value >= scale.Min && value <= scale.Max ? Text((int)value) : null;

    private static string Text(int rating) => rating.ToString(CultureInfo.InvariantCulture);
}
