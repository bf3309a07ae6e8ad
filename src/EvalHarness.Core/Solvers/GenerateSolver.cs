using EvalHarness.Configuration;
using EvalHarness.Loading;
using EvalHarness.Suites;

namespace EvalHarness.Solvers;

/// <summary>Asks the target for an answer; optional settings here override the suite's for this step.</summary>
internal sealed class GenerateSolver : ISolver
{
    private readonly GenerationSettings? _overrides;

    public GenerateSolver(GenerationSettings? overrides)
    {
        _overrides = overrides;
    }

    public static ISolverFactory Factory { get; } = new SolverFactory();

    public Task SolveAsync(TaskState state, IGenerator generator, CancellationToken cancellationToken) =>
        generator.GenerateAsync(state, _overrides, cancellationToken);

    private sealed class SolverFactory : ISolverFactory
    {
        public string Name => "generate";

        public string Description => "ask the model (options: temperature, max_tokens, top_p, seed, stop override the suite's)";

        public string? ScalarOption => null;

        public ISolver Create(ConfigSection options)
        {
            var settings = GenerationSettingsReader.Read(options);
            return new GenerateSolver(settings == GenerationSettings.Empty ? null : settings);
        }
    }
}
