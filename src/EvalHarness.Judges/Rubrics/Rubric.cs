using System.Collections.Concurrent;
using EvalHarness.Judges.Verdicts;
using EvalHarness.Solvers;

namespace EvalHarness.Judges.Rubrics;

/// <summary>
/// A judge's instructions: the prompt template (the user message), an optional system message, the verdicts
/// the judge may give, and the sample fields the template needs.
/// </summary>
/// <param name="Id">Lower-case letters, digits and '-'; unique per language within a catalogue.</param>
/// <param name="Language"><c>ja</c> or <c>en</c>.</param>
/// <param name="System">Sent as written: placeholders are filled in <paramref name="Template"/> only.</param>
/// <param name="Template">The prompt body in <see cref="PromptTemplate"/> syntax, with the placeholders of <see cref="RubricFields"/>.</param>
/// <param name="Requires">Sample fields (<c>target</c>, <c>context</c>, <c>requirement</c>) the template uses.</param>
/// <param name="Source"><see cref="BuiltInSource"/>, or the rubric file's path as given.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the rubric file's exact bytes, so a run log can name the
/// rubric text that judged.</param>
public sealed record Rubric(
    string Id,
    string Language,
    string Description,
    string? System,
    string Template,
    VerdictGrammar Verdict,
    IReadOnlyList<string> Requires,
    string Source,
    string Sha256)
{
    public const string BuiltInSource = "built-in";

    // A run renders a rubric once per sample: parsed once per template text (a catalogue holds a few), not per sample.
    private static readonly ConcurrentDictionary<string, (PromptTemplate Template, IReadOnlyList<string> Delimiters)> Parsed = new(StringComparer.Ordinal);

    public bool IsBuiltIn => Source == BuiltInSource;

    /// <summary>The line of the <c>id</c> field, for diagnostics about the rubric as a whole.</summary>
    internal int IdLine { get; init; }

    /// <summary>
    /// Fills the template for one sample. Every value is placed as data: any tag in it that matches one of the
    /// template's delimiting tags is defused (see <see cref="UntrustedText"/>). A sample without a field the
    /// rubric requires gets an error, not a prompt with a hole in it.
    /// </summary>
    public RubricPrompt Render(RubricInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var targets = input.Targets.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        foreach (var field in Requires)
        {
            var missing = field switch
            {
                RubricFields.Target => targets.Count == 0,
                RubricFields.Requirement => string.IsNullOrWhiteSpace(input.Requirement),
                RubricFields.Context => string.IsNullOrWhiteSpace(input.Context),
                _ => false,
            };
            if (missing)
            {
                return new RubricPrompt(null, null, $"rubric '{Id}' needs the sample's {field}, and this sample has none");
            }
        }

        var (template, delimiters) = Parsed.GetOrAdd(Template, static text => (new PromptTemplate(text), UntrustedText.DelimiterNames(text)));
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RubricFields.Input] = input.Input,
            [RubricFields.Output] = input.Output,
            [RubricFields.Target] = targets.Count == 1 ? targets[0] : string.Join('\n', targets.Select(t => "- " + t)),
            [RubricFields.Requirement] = input.Requirement ?? string.Empty,
            [RubricFields.Context] = input.Context ?? string.Empty,
            [RubricFields.Criteria] = input.Criteria ?? string.Empty,
        };
        var user = template.Render(name =>
            values.TryGetValue(name, out var value) ? UntrustedText.Neutralise(value, delimiters) : null);
        return new RubricPrompt(System, user, null);
    }
}
