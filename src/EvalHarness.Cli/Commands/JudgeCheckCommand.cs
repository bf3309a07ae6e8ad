using System.CommandLine;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalh judge-check &lt;labelled.jsonl ...&gt; --judge MODEL</c>: the options; <see cref="JudgeCheckExecution"/> does the work.</summary>
internal static class JudgeCheckCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("labelled") { Description = "JSON Lines files of human-labelled items, or directories of them (each *.jsonl in it)", Arity = ArgumentArity.OneOrMore };
        var rubricFiles = new Option<string[]>("--rubric-file") { Description = "a rubric file (.md) for items whose rubric is not built in; repeat for several (or for another language)" };
        var minKappa = OptionFactory.Double("--min-kappa", "exit 1 when some rubric's Cohen's κ (the point estimate) is below this, or undefined", -1, 1);
        var output = new Option<string?>("--out", "-o") { Description = "directory for judge-check.json, judge-check.md and judge-calls.jsonl (must be new or empty)" };
        var seed = OptionFactory.Int("--seed", "seed sent to the judges (default 0)", 0);
        var timeout = OptionFactory.Double("--timeout", $"seconds allowed for one judge request attempt (default {Defaults.AttemptTimeout.TotalSeconds:0})", 0.001, 86_400);
        var retries = OptionFactory.Int("--max-retries", $"retries of a judge's transient failure (default {Defaults.MaxRetries})", 0, 100);
        var noCache = new Option<bool>("--no-cache") { Description = "neither read nor write the response cache" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "response cache directory (default EVALH_CACHE_DIR, then ~/.cache/evalharness)" };
        var judges = new JudgeOptions();
        var command = new Command("judge-check", "Measure a judge against human labels: judge labelled items with their rubric and report accuracy, Cohen's κ with a 95% interval and the confusion matrix, overall, per rubric, per language and for hard items.")
        {
            paths, rubricFiles, minKappa, output, seed, timeout, retries, noCache, cacheDir,
        };
        foreach (var option in judges.All)
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) => new JudgeCheckExecution(env).ExecuteAsync(
            new JudgeCheckRequest
            {
                Paths = parse.GetValue(paths) ?? [],
                Judges = judges.Read(parse),
                RubricFiles = parse.GetValue(rubricFiles) ?? [],
                MinKappa = parse.GetValue(minKappa),
                Output = parse.GetValue(output),
                Seed = parse.GetValue(seed) ?? 0,
                Timeout = parse.GetValue(timeout) is { } t ? TimeSpan.FromSeconds(t) : null,
                MaxRetries = parse.GetValue(retries),
                NoCache = parse.GetValue(noCache),
                CacheDirectory = parse.GetValue(cacheDir),
            },
            cancellationToken));
        return command;
    }
}
