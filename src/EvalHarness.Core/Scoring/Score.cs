using System.Text.Json.Nodes;

namespace EvalHarness.Scoring;

/// <summary>
/// What one scorer concluded about one output. A scorer that cannot reach a verdict records why in
/// <see cref="Error"/> and leaves <see cref="Value"/> null, rather than throwing: the sample then
/// drops out of that scorer's metrics and the reason stays in the log.
/// </summary>
public sealed record Score
{
    /// <summary>1 for correct and 0 for incorrect for pass/fail scorers; any real number for graded ones.</summary>
    public double? Value { get; init; }

    /// <summary>What the scorer read out of the output (the chosen letter, the number, the matched text).</summary>
    public string? Answer { get; init; }

    /// <summary>Why the scorer decided as it did, for a human reviewing the sample.</summary>
    public string? Explanation { get; init; }

    /// <summary>Why no verdict could be reached; null when <see cref="Value"/> is set.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Named sub-values a reader may want beside <see cref="Value"/> (each judge of a panel, a detector's
    /// counts per category, precision and recall), shown with the sample in the report.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Values { get; init; }

    /// <summary>Extra figures that corpus-level metrics or reports need (n-gram counts, sub-scores).</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>
    /// True when no verdict was reached because the scorer's judge failed or gave no readable verdict: not a
    /// property of the answer, never counted as pass or fail, and completed later by <c>evalh score</c>.
    /// </summary>
    public bool? JudgeError { get; init; }

    public static Score Pass(string? answer, string explanation) => new() { Value = 1, Answer = answer, Explanation = explanation };

    public static Score Fail(string? answer, string explanation) => new() { Value = 0, Answer = answer, Explanation = explanation };

    public static Score Of(bool correct, string? answer, string explanation) => correct ? Pass(answer, explanation) : Fail(answer, explanation);

    public static Score Failed(string error) => new() { Error = error };
}
