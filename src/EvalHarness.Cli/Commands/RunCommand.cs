using System.CommandLine;
using System.CommandLine.Parsing;
using EvalHarness.Engine;
using EvalHarness.Suites;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalh run</c>: the options; <see cref="RunExecution"/> does the work.</summary>
internal static class RunCommand
{
    public static Command Create(CliEnvironment env)
    {
        var suites = new Argument<string[]>("suites") { Description = "suite files, suite directories, directories of suites (e.g. suites/), names under suites/, or aisev dataset CSVs (or directories of them)", Arity = ArgumentArity.ZeroOrMore };
        var model = new Option<string?>("--model", "-m") { Description = "the model to evaluate: openai/<model>, replay:<file.jsonl>, demo, mock (see 'evalh list models')" };
        var output = new Option<string?>("--out", "-o") { Description = "run directory (default reports/<utc-stamp>-<suite>-<model>/)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "API root of the model's endpoint, e.g. http://127.0.0.1:8000/v1 for an OpenAI-compatible server (default: the provider's variable, OPENAI_BASE_URL or ANTHROPIC_BASE_URL, then its official endpoint)" };
        var keyVariable = new Option<string?>("--api-key-env") { Description = "environment variable holding the model's API key (default: the provider's, OPENAI_API_KEY or ANTHROPIC_API_KEY)" };
        var connections = OptionFactory.Int("--max-connections", "requests in flight at most (default: adaptive, grows while the endpoint keeps up)", 1, 10_000);
        var limit = OptionFactory.Int("--limit", "run only the first N samples of each suite", 1);
        var epochs = OptionFactory.Int("--epochs", "run every sample N times (overrides the suites)", 1, 10_000);
        var temperature = OptionFactory.Double("--temperature", "sampling temperature (overrides the suites)", 0, 2);
        var maxTokens = OptionFactory.Int("--max-tokens", "maximum tokens per answer (overrides the suites)", 1);
        var topP = OptionFactory.Double("--top-p", "nucleus sampling (overrides the suites)", 0, 1);
        var seed = OptionFactory.Int("--seed", "seed sent to the model and used for bootstrap intervals (default 0)", 0);
        var timeout = OptionFactory.Double("--timeout", $"seconds allowed for one request attempt (default {Defaults.AttemptTimeout.TotalSeconds:0})", 0.001, 86_400);
        var retries = OptionFactory.Int("--max-retries", $"retries of a transient failure (429, 5xx, timeout, dropped connection; default {Defaults.MaxRetries})", 0, 100);
        var failOnError = Parsed<ErrorThreshold>("--fail-on-error", "fail the run (exit 3) when more samples error than this: a count (0 = any) or a share (0.05, 5%); default: only when all do", ErrorThreshold.TryParse, "a count such as 0 or 10, or a share such as 0.05 or 5%");
        var shard = ShardOption(env);
        var noCache = new Option<bool>("--no-cache") { Description = "neither read nor write the response cache" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "response cache directory (default EVALH_CACHE_DIR, then ~/.cache/evalharness)" };
        var cacheExpiry = Parsed<TimeSpan>("--cache-expiry", $"ignore cached answers older than this (default {Defaults.CacheExpiry.TotalDays:0}d)", Durations.TryParse, "a duration such as 30m, 12h or 7d");
        var resume = new Option<string?>("--resume") { Description = "continue the run in this directory: runs exactly the sample×epochs its log lacks" };
        var gsn = GsnOption();
        var showPersonalData = ReportCommand.ShowPersonalDataOption();
        var gate = new Option<string?>("--gate") { HelpName = "policy", Description = "judge the finished run against this gate policy (docs/gate.md): gate.json, the verdict in the reports, exit 1 when it fails" };
        var baseline = GateCommand.BaselineOption();
        var junit = GateCommand.JunitOption();
        var loading = new LoadingOptions();
        var judges = new JudgeOptions();

        var command = new Command("run", "Run suites against a model and write log.jsonl, results.json and report.html.")
        {
            suites, model, output, baseUrl, keyVariable, connections, limit, epochs, temperature, maxTokens, topP, seed, timeout, retries,
            failOnError, shard, noCache, cacheDir, cacheExpiry, resume, gsn, showPersonalData, gate, baseline, junit,
        };
        foreach (var option in loading.All.Concat(judges.All))
        {
            command.Add(option);
        }

        command.Validators.Add(result =>
        {
            // Tokens, not GetValue: GetValue throws on an option that already has a parse error (--model given twice).
            if (result.GetResult(resume) is null)
            {
                if (result.GetResult(model) is null)
                {
                    result.AddError("--model is required (see 'evalh list models')");
                }

                if (result.GetResult(suites) is not { Tokens.Count: > 0 })
                {
                    result.AddError("name at least one suite (a suite directory, suites/ for all, or a name under suites/)");
                }
            }

            if (result.GetResult(gate) is null && (result.GetResult(baseline) is not null || result.GetResult(junit) is not null))
            {
                result.AddError("--baseline and --junit belong to the gate: add --gate <policy>");
            }
        });

        command.SetAction((parse, cancellationToken) => new RunExecution(env).ExecuteAsync(
            new RunRequest
            {
                Suites = parse.GetValue(suites) ?? [],
                Model = parse.GetValue(model),
                Output = parse.GetValue(output),
                BaseUrl = parse.GetValue(baseUrl),
                ApiKeyVariable = parse.GetValue(keyVariable),
                MaxConnections = parse.GetValue(connections),
                Limit = parse.GetValue(limit),
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                Timeout = parse.GetValue(timeout) is { } t ? TimeSpan.FromSeconds(t) : null,
                MaxRetries = parse.GetValue(retries),
                FailOnError = parse.GetValue(failOnError) ?? ErrorThreshold.Default,
                Shard = parse.GetValue(shard)?.Spec,
                ShardOrigin = parse.GetValue(shard)?.Origin,
                NoCache = parse.GetValue(noCache),
                CacheDirectory = parse.GetValue(cacheDir),
                CacheExpiry = parse.GetResult(cacheExpiry) is null ? null : parse.GetValue(cacheExpiry),
                Resume = parse.GetValue(resume),
                Gsn = parse.GetValue(gsn),
                ShowPersonalData = parse.GetValue(showPersonalData),
                Gate = parse.GetValue(gate),
                Baseline = parse.GetValue(baseline),
                Junit = parse.GetValue(junit),
                Loading = loading.Read(parse),
                Judges = judges.Read(parse),
                Generate = new GenerationSettings
                {
                    Temperature = parse.GetValue(temperature),
                    MaxTokens = parse.GetValue(maxTokens),
                    TopP = parse.GetValue(topP),
                    Seed = parse.GetValue(seed),
                },
            },
            cancellationToken));
        return command;
    }

    /// <summary><c>--shard i/n</c>, or <c>auto</c>/<c>auto/N</c> resolved from the job's variables (<see cref="AutoShard"/>) while parsing, so a bad variable is bad input like a bad flag.</summary>
    private static Option<ShardChoice?> ShardOption(CliEnvironment env) => new("--shard")
    {
        HelpName = "i/n|auto[/n]",
        Description = "run shard i of n (e.g. 2/8; 1-based); 'auto' takes it from EVALH_SHARD_INDEX/EVALH_SHARD_COUNT, then GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, then a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (0-based; give the count: auto/N); combine shard directories with 'evalh merge'",
        CustomParser = (ArgumentResult result) =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (AutoShard.TryResolve(text, env.Variables, out var auto, out var error))
            {
                if (error is not null)
                {
                    result.AddError(error);
                }

                return auto;
            }

            if (ShardSpec.TryParse(text, out var spec))
            {
                return new ShardChoice(spec!, null);
            }

            result.AddError($"--shard: '{text}' is not valid; expected i/n with 1 <= i <= n (e.g. 2/8), auto, or auto/n");
            return null;
        },
    };

    /// <summary><c>--gsn</c> of run and validate: the directory must exist.</summary>
    internal static Option<string?> GsnOption()
    {
        var option = new Option<string?>("--gsn") { Description = "directory of aisev's GSN files (NN_…_GSN.yaml): aisev CSVs then also report GSN-weighted perspective scores (aisev_gsn)" };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !Directory.Exists(result.Tokens[0].Value))
            {
                result.AddError($"--gsn: '{result.Tokens[0].Value}' is not a directory");
            }
        });
        return option;
    }

    internal delegate bool TryParser<T>(string text, out T value);

    /// <summary>An option whose text is parsed by <paramref name="tryParse"/>; a failure is a parse error naming the flag.</summary>
    internal static Option<T?> Parsed<T>(string name, string description, TryParser<T> tryParse, string expected) => new(name)
    {
        Description = description,
        CustomParser = (ArgumentResult result) =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (tryParse(text, out var value))
            {
                return value;
            }

            result.AddError($"{name}: '{text}' is not valid; expected {expected}");
            return default;
        },
    };
}
