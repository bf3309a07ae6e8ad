using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Solvers;

/// <summary>
/// Presents a sample's options with letters and asks for an answer line; samples without options pass
/// through unchanged, so one suite can mix item types. The default template follows the sample language.
/// </summary>
internal sealed class MultipleChoiceSolver : ISolver
{
    private readonly PromptTemplate? _template;

    public MultipleChoiceSolver(PromptTemplate? template)
    {
        _template = template;
    }

    public static ISolverFactory Factory { get; } = new SolverFactory();

    public Task SolveAsync(TaskState state, IGenerator generator, CancellationToken cancellationToken)
    {
        var index = state.LastUserIndex;
        if (state.Sample.Choices.Count == 0 || index < 0)
        {
            return Task.CompletedTask;
        }

        var template = _template ?? BuiltInPrompts.MultipleChoice(state.Sample.Language);
        var rendered = template.Render(TemplateVariables.For(state.Sample, state.Messages[index].Content));
        state.Messages[index] = state.Messages[index] with { Content = rendered };
        return Task.CompletedTask;
    }

    public SampleProblem? CheckSample(Sample sample) =>
        sample.Choices.Count == 0 ? null : TemplateVariables.CheckSample(_template ?? BuiltInPrompts.MultipleChoice(sample.Language), sample, "multiple_choice");

    private sealed class SolverFactory : ISolverFactory
    {
        public string Name => "multiple_choice";

        public string Description => "list the options as A) B) C) ... and ask for 'ANSWER: X' (template per language; samples without choices unchanged)";

        public string? ScalarOption => "template";

        public ISolver Create(ConfigSection options)
        {
            var text = options.GetString("template");
            return new MultipleChoiceSolver(text is null ? null : new PromptTemplate(text));
        }
    }
}
