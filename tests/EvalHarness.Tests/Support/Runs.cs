using System.Globalization;
using System.Text.RegularExpressions;
using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Suites;
using EvalHarness.Providers;
using EvalHarness.Resilience;
using EvalHarness.Models;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Support;

/// <summary>Runs the engine in-process against a fake endpoint, with retry delays short enough for tests.</summary>
internal static partial class Runs
{
    public const string Key = "sk-reliability-test-7e1f2a3b4c5d";

    public static ResilienceOptions FastRetries(int maxRetries = 3, double timeoutSeconds = 5) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        AttemptTimeout = TimeSpan.FromSeconds(timeoutSeconds),
    };

    public static Suite Load(string path)
    {
        var diagnostics = new DiagnosticBag();
        var suite = Composition.SuiteLoader().Load(path, diagnostics);
        Assert.That(diagnostics.Items.Where(d => d.IsError), Is.Empty, string.Join("\n", diagnostics.Items));
        return suite!;
    }

    public static IModel OpenAi(FakeOpenAiServer server) => TestModels.Create(
        "openai/fake",
        new ModelSettings { BaseUrl = server.BaseUrl.ToString(), Environment = name => name == "OPENAI_API_KEY" ? Key : null },
        []);

    public static async Task<RunOutcome> RunAsync(FakeOpenAiServer server, Suite suite, RunOptions options, RunSignals? signals = null)
    {
        await using var target = OpenAi(server);
        return await new EvalRunner(Composition.Catalog).RunAsync(target, [suite], options, NullRunObserver.Instance, signals ?? RunSignals.None);
    }

    /// <summary>The right answer to the arithmetic suite's question "What is n + n?".</summary>
    public static string Correct(FakeRequest request) => (2 * Number(request)).ToString(CultureInfo.InvariantCulture);

    public static int Number(FakeRequest request) =>
        int.Parse(QuestionNumber().Match(request.LastUserMessage).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"What is (\d+) \+")]
    private static partial Regex QuestionNumber();
}
