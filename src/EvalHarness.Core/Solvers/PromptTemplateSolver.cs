using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Solvers;

/// <summary>Rewrites the last user message through a template in which <c>{prompt}</c> is the original text.</summary>
internal sealed class PromptTemplateSolver : ISolver
{
    private readonly PromptTemplate _template;

    public PromptTemplateSolver(PromptTemplate template)
    {
        _template = template;
    }

    public static ISolverFactory Factory { get; } = new SolverFactory();

    public Task SolveAsync(TaskState state, IGenerator generator, CancellationToken cancellationToken)
    {
        var index = state.LastUserIndex;
        if (index < 0)
        {
            state.Messages.Add(new PromptMessage(MessageRoles.User, _template.Render(TemplateVariables.For(state.Sample, string.Empty))));
            return Task.CompletedTask;
        }

        var rendered = _template.Render(TemplateVariables.For(state.Sample, state.Messages[index].Content));
        state.Messages[index] = state.Messages[index] with { Content = rendered };
        return Task.CompletedTask;
    }

    public SampleProblem? CheckSample(Sample sample) => TemplateVariables.CheckSample(_template, sample, "prompt_template");

    private sealed class SolverFactory : ISolverFactory
    {
        public string Name => "prompt_template";

        public string Description => "rewrite the user prompt through a template ({prompt}, {choices}, {letters}, metadata)";

        public string? ScalarOption => "template";

        public ISolver Create(ConfigSection options)
        {
            var text = options.GetString("template", required: true) ?? "{prompt}";
            var template = new PromptTemplate(text);
            if (!template.Placeholders.Contains("prompt") && !template.Placeholders.Contains("question"))
            {
                options.Warning("template", "does not contain {prompt}: the sample's own input will not reach the model");
            }

            return new PromptTemplateSolver(template);
        }
    }
}
