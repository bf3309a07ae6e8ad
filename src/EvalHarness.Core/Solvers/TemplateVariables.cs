using System.Text;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Solvers;

/// <summary>
/// The values a prompt template can use: <c>{prompt}</c> (alias <c>{question}</c>), <c>{choices}</c>,
/// <c>{letters}</c> and any metadata key of the sample.
/// </summary>
public static class TemplateVariables
{
    public static Func<string, string?> For(Sample sample, string prompt) => name => name switch
    {
        "prompt" or "question" => prompt,
        "choices" => FormatChoices(sample.Choices),
        "letters" => ChoiceLabels.LetterList(sample.Choices.Count),
        _ => sample.Metadata.TryGetValue(name, out var value) ? value : null,
    };

    public static string FormatChoices(IReadOnlyList<string> choices)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < choices.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            sb.Append(ChoiceLabels.Letter(i)).Append(") ").Append(choices[i]);
        }

        return sb.ToString();
    }

    /// <summary>A message naming the first placeholder the sample cannot fill, or null.</summary>
    public static SampleProblem? CheckSample(PromptTemplate template, Sample sample, string step)
    {
        var resolve = For(sample, string.Empty);
        foreach (var name in template.Placeholders)
        {
            if (resolve(name) is null)
            {
                return new SampleProblem(name, $"{step} uses {{{name}}}, but this sample has no metadata field '{name}'");
            }
        }

        return null;
    }
}
