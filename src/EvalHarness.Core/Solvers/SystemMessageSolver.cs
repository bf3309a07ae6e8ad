using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Solvers;

/// <summary>Adds a system message after any the sample already has.</summary>
internal sealed class SystemMessageSolver : ISolver
{
    private readonly PromptTemplate _template;

    public SystemMessageSolver(PromptTemplate template)
    {
        _template = template;
    }

    public static ISolverFactory Factory { get; } = new SolverFactory();

    public Task SolveAsync(TaskState state, IGenerator generator, CancellationToken cancellationToken)
    {
        var lastUser = state.LastUserIndex;
        var prompt = lastUser >= 0 ? state.Messages[lastUser].Content : string.Empty;
        var content = _template.Render(TemplateVariables.For(state.Sample, prompt));
        var at = state.Messages.TakeWhile(m => m.Role == MessageRoles.System).Count();
        state.Messages.Insert(at, new PromptMessage(MessageRoles.System, content));
        return Task.CompletedTask;
    }

    public SampleProblem? CheckSample(Sample sample) => TemplateVariables.CheckSample(_template, sample, "system_message");

    private sealed class SolverFactory : ISolverFactory
    {
        public string Name => "system_message";

        public string Description => "add a system message (template with {placeholders})";

        public string? ScalarOption => "template";

        public ISolver Create(ConfigSection options) =>
            new SystemMessageSolver(new PromptTemplate(options.GetString("template", required: true) ?? string.Empty));
    }
}
