using System.CommandLine;
using EvalHarness.Loading;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalh score &lt;run dir&gt; --out DIR</c>: the options; <see cref="ScoreExecution"/> does the work.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliEnvironment env)
    {
        var run = new Argument<string>("run") { Description = "the run directory to re-score (or its log.jsonl)" };
        var output = new Option<string>("--out", "-o") { Description = "directory for the re-scored run (must be new or empty)", Required = true };
        var scorers = new Option<string?>("--scorers") { Description = "YAML file with a scorers: list as in a suite file; added to every suite of the run (a scorer with the id of one of the run's replaces it)" };
        var rejudge = new Option<bool>("--rejudge") { Description = "ask the judges about every sample again, not only about judge errors, new judges and changed rubrics" };
        var timeout = OptionFactory.Double("--timeout", $"seconds allowed for one judge request attempt (default {Defaults.AttemptTimeout.TotalSeconds:0})", 0.001, 86_400);
        var retries = OptionFactory.Int("--max-retries", $"retries of a judge's transient failure (default {Defaults.MaxRetries})", 0, 100);
        var noCache = new Option<bool>("--no-cache") { Description = "neither read nor write the response cache (with --rejudge: really ask again)" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "response cache directory (default EVALH_CACHE_DIR, then ~/.cache/evalharness)" };
        var allowPath = LoadingOptions.AllowPath("a directory (or file) outside the suites' and the scorers file's own directories that their scorers may read (a rubric); repeat for several");
        var judges = new JudgeOptions();
        var command = new Command("score", "Re-score a recorded run with new or changed scorers, or a judge, without calling the model: writes a new run directory whose header names the run it was scored from.")
        {
            run, output, scorers, rejudge, timeout, retries, noCache, cacheDir, allowPath,
        };
        foreach (var option in judges.All)
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) => new ScoreExecution(env).ExecuteAsync(
            new ScoreRequest
            {
                Run = parse.GetValue(run)!,
                Output = parse.GetValue(output)!,
                Scorers = parse.GetValue(scorers),
                Judges = judges.Read(parse),
                Rejudge = parse.GetValue(rejudge),
                Timeout = parse.GetValue(timeout) is { } t ? TimeSpan.FromSeconds(t) : null,
                MaxRetries = parse.GetValue(retries),
                NoCache = parse.GetValue(noCache),
                CacheDirectory = parse.GetValue(cacheDir),
                Loading = new LoadOptions { AllowedPaths = (parse.GetValue(allowPath) ?? []).Select(Path.GetFullPath).ToList() },
            },
            cancellationToken));
        return command;
    }
}
