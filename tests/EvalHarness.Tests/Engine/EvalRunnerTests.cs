using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Providers.Mock;
using EvalHarness.Models;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Engine;

[TestFixture]
public sealed class EvalRunnerTests
{
    private static Suite LoadSuite(string path)
    {
        var diagnostics = new DiagnosticBag();
        var suite = Composition.SuiteLoader().Load(path, diagnostics);
        Assert.That(diagnostics.Items, Is.Empty, string.Join("\n", diagnostics.Items));
        return suite!;
    }

    private static string Sum(GenerationRequest request)
    {
        // "What is 7 + 7?" → 14
        var text = request.Messages.Last(m => m.Role == "user").Content;
        var n = int.Parse(text.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        return (2 * n).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task Every_sample_and_epoch_is_run_logged_and_scored()
    {
        using var dir = new TempDirectory();
        var suite = LoadSuite(SuiteFiles.Arithmetic(dir, 10, epochs: 3));
        var target = new MockModel(Sum);
        var options = new RunOptions { OutputDirectory = dir.Combine("out"), MaxConnections = 4, Seed = 3 };

        var outcome = await new EvalRunner(Composition.Catalog).RunAsync(target, [suite], options, NullRunObserver.Instance, CancellationToken.None);

        Assert.That(target.Calls, Is.EqualTo(30));
        Assert.That(outcome.Log.Samples, Has.Count.EqualTo(30));
        Assert.That(outcome.Log.Samples.Select(s => (s.Id, s.Epoch)).Distinct().Count(), Is.EqualTo(30));
        Assert.That(outcome.Log.Samples.All(s => s.Scores!["numeric"].Value == 1), Is.True);
        Assert.That(outcome.Log.Samples[0].Usage, Is.EqualTo(new TokenUsage(10, 5, 15)));
        Assert.That(outcome.Log.Header.Seed, Is.EqualTo(3));
        Assert.That(outcome.Results.Suites.Single().Metrics.Single().Value, Is.EqualTo(1));
        Assert.That(outcome.Results.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(File.Exists(outcome.ResultsPath), Is.True);
    }

    [Test]
    public async Task Executing_writes_the_log_and_summarising_it_later_writes_the_results_a_whole_run_would()
    {
        using var dir = new TempDirectory();
        var suite = LoadSuite(SuiteFiles.Arithmetic(dir, 12, epochs: 2));
        var runner = new EvalRunner(Composition.Catalog);

        var whole = await runner.RunAsync(new MockModel(Sum), [suite], new RunOptions { OutputDirectory = dir.Combine("whole"), MaxConnections = 3 }, NullRunObserver.Instance, CancellationToken.None);
        var executed = await runner.ExecuteAsync(new MockModel(Sum), [suite], new RunOptions { OutputDirectory = dir.Combine("split"), MaxConnections = 3, LogBytesInMemory = 0 }, NullRunObserver.Instance, RunSignals.None);

        Assert.That(File.Exists(Path.Combine(dir.Combine("split"), RunFiles.Log)), Is.True);
        Assert.That(File.Exists(Path.Combine(dir.Combine("split"), RunFiles.Results)), Is.False, "results are derived only when the caller asks");
        Assert.That(executed.Log.Samples, Has.Count.EqualTo(24));

        var summarised = runner.Summarise(executed);

        Assert.That(File.Exists(summarised.ResultsPath), Is.True);
        Assert.That(summarised.Results.Suites.Single().Metrics.Select(m => (m.Metric, m.Value, m.CiLow, m.CiHigh, m.N)), Is.EqualTo(whole.Results.Suites.Single().Metrics.Select(m => (m.Metric, m.Value, m.CiLow, m.CiHigh, m.N))));
        Assert.That(summarised.Results.Counts, Is.EqualTo(whole.Results.Counts));
    }

    [Test]
    public async Task Target_failures_become_errored_samples_with_their_message()
    {
        using var dir = new TempDirectory();
        var suite = LoadSuite(SuiteFiles.Arithmetic(dir, 4));
        var target = new MockModel((request, _) => request.SampleId == "q0002"
            ? throw new ModelException("HTTP 503 from test", ModelErrorKind.Transient, 503)
            : Task.FromResult(new Generation(Sum(request))));

        var outcome = await new EvalRunner(Composition.Catalog).RunAsync(target, [suite], new RunOptions { OutputDirectory = dir.Combine("out") }, NullRunObserver.Instance, CancellationToken.None);

        var failed = outcome.Log.Samples.Single(s => s.Id == "q0002");
        Assert.That(failed.Error, Is.EqualTo(new SampleError("transient", "HTTP 503 from test", 503)));
        Assert.That(failed.Scores, Is.Null);
        Assert.That(outcome.Results.Counts.Errored, Is.EqualTo(1));
        Assert.That(outcome.Results.Suites.Single().Metrics.Single().N, Is.EqualTo(3));
    }

    [Test]
    public async Task A_throwing_scorer_is_recorded_as_data_and_spares_the_other_scorers()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, """
            name: regex
            dataset: data.jsonl
            scorers:
              - name: pattern
                options: {regex: "(a+)+$"}
              - includes
            """, "data.jsonl", "{\"id\": \"x\", \"input\": \"q\", \"target\": \"b\"}\n");
        var suite = LoadSuite(path);
        var hostile = new string('a', 5000) + "!b";
        var target = new MockModel(_ => hostile);

        var outcome = await new EvalRunner(Composition.Catalog).RunAsync(target, [suite], new RunOptions { OutputDirectory = dir.Combine("out") }, NullRunObserver.Instance, CancellationToken.None);

        var scores = outcome.Log.Samples.Single().Scores!;
        Assert.That(scores["pattern"].Value, Is.Null);
        Assert.That(scores["pattern"].Error, Is.Not.Null);
        Assert.That(scores["includes"].Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Solver_steps_shape_the_messages_the_target_receives()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, """
            name: steps
            language: ja
            dataset: data.jsonl
            solver:
              - system_message: "You answer {subject} questions."
              - prompt_template: "Question: {prompt}"
              - multiple_choice
            scorers: [choice]
            """, "data.jsonl", "{\"id\": \"x\", \"input\": \"どれ？\", \"choices\": [\"甲\", \"乙\"], \"target\": \"B\", \"subject\": \"test\"}\n");
        var suite = LoadSuite(path);
        GenerationRequest? seen = null;
        var target = new MockModel(r => { seen = r; return "答え：B"; });

        var outcome = await new EvalRunner(Composition.Catalog).RunAsync(target, [suite], new RunOptions { OutputDirectory = dir.Combine("out") }, NullRunObserver.Instance, CancellationToken.None);

        Assert.That(seen!.Messages[0], Is.EqualTo(new PromptMessage("system", "You answer test questions.")));
        var user = seen.Messages[1].Content;
        Assert.That(user, Does.Contain("Question: どれ？"));
        Assert.That(user, Does.Contain("A) 甲\nB) 乙"));
        Assert.That(user, Does.Contain("答え：X"), "the Japanese template is used for a Japanese sample");
        Assert.That(outcome.Log.Samples.Single().Input, Is.EqualTo(seen.Messages), "the log records exactly what was sent");
        Assert.That(outcome.Log.Samples.Single().Scores!["choice"].Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Generation_settings_from_the_suite_and_the_command_line_reach_the_target()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, """
            name: gen
            dataset: data.jsonl
            generate: {temperature: 0.5, max_tokens: 64, stop: ["\n\n"]}
            scorers: [exact]
            """, "data.jsonl", "{\"id\": \"x\", \"input\": \"q\", \"target\": \"a\"}\n");
        var suite = LoadSuite(path);
        GenerationSettings? seen = null;
        var target = new MockModel(r => { seen = r.Settings; return "a"; });
        var options = new RunOptions { OutputDirectory = dir.Combine("out"), Generate = new GenerationSettings { Temperature = 0, Seed = 9 } };

        var outcome = await new EvalRunner(Composition.Catalog).RunAsync(target, [suite], options, NullRunObserver.Instance, CancellationToken.None);

        Assert.That(seen, Is.EqualTo(new GenerationSettings { Temperature = 0, MaxTokens = 64, Seed = 9, Stop = ["\n\n"] }));
        Assert.That(outcome.Log.Header.Suites.Single().Generate, Is.EqualTo(seen), "the header records the effective settings");
    }
}
