using System.Text.Json;
using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tokenization;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// What <c>evalh verify</c> checks after a pack's integrity: the suite files are the ones the log header hashed,
/// every deterministic scorer gives again the scores recorded for the recorded answers (with the options the
/// header recorded), judge verdicts stand as recorded with their rubrics' hashes checked, and the metrics
/// rebuilt from the log are those in results.json.
/// </summary>
internal static class RescoreCheck
{
    private const string MeCabTokenizer = "ja-mecab";

    /// <summary>
    /// runDirectory holds log.jsonl and results.json (as packed); suiteFiles maps each suite file path as recorded in the
    /// log header (LogHeader.Suites[].Files[].Path) to the extracted file's path. Returns one line per difference, each
    /// naming the file, suite/sample/scorer or metric; empty when everything re-scores to the recorded values.
    /// </summary>
    public static IReadOnlyList<string> Differences(string runDirectory, IReadOnlyDictionary<string, string> suiteFiles, CancellationToken cancellationToken) =>
        Run(runDirectory, suiteFiles, null, cancellationToken).Differences.Select(d => d.ToString()).ToList();

    /// <param name="resourceFiles">
    /// User files scorers read (a rubric, a lexicon), by the source the log header records for them
    /// (<c>ScorerHeader.Resources[].Source</c>), mapped to the extracted file; those missing are reported as not checked.
    /// </param>
    public static RescoreReport Run(string runDirectory, IReadOnlyDictionary<string, string> suiteFiles, IReadOnlyDictionary<string, string>? resourceFiles, CancellationToken cancellationToken)
    {
        var differences = new List<RescoreFinding>();
        var notChecked = new List<RescoreFinding>();
        var logPath = Path.Combine(runDirectory, RunFiles.Log);
        var log = ReadLog(logPath, differences);
        var packed = ReadResults(Path.Combine(runDirectory, RunFiles.Results), differences);
        if (log is null)
        {
            return new RescoreReport { Differences = differences, NotChecked = notChecked };
        }

        var files = CheckSuiteFiles(log.Header, suiteFiles, differences);
        using var staging = new RescoreStaging();
        var scorers = RescoreCheckScorers.Build(log, logPath, suiteFiles, resourceFiles ?? new Dictionary<string, string>(), staging, differences, notChecked);

        // evalh score's own core, without a judge: only the deterministic scorers are given, so no model is called.
        var outcome = new RunRescorer().RescoreAsync(log, "-", new RescoreOptions { Scorers = scorers.Deterministic }, NullRunObserver.Instance, cancellationToken)
            .GetAwaiter().GetResult();
        if (outcome.Log is null)
        {
            differences.Add(new(RescoreFinding.Input, RunFiles.Log, $"re-scoring stopped: {outcome.Stalled}"));
            return new RescoreReport { Differences = differences, NotChecked = notChecked, SuiteFiles = files };
        }

        var (records, rescored) = RescoreCheckScores.Compare(log, outcome.Log, scorers, MeCabProblem(), differences, notChecked);
        var compared = 0;
        if (packed is not null)
        {
            var merged = new RunLog { Header = log.Header, Samples = records, Footer = log.Footer, Limits = log.Limits, Resumes = log.Resumes };
            compared = RescoreCheckMetrics.Compare(new ResultsBuilder(Composition.Catalog).Build(merged), packed, differences);
        }

        return new RescoreReport
        {
            Differences = differences,
            NotChecked = notChecked,
            SuiteFiles = files,
            SamplesRescored = rescored,
            ScorersRescored = scorers.Deterministic.Values.Sum(s => s.Count),
            JudgeScorersFromLog = scorers.Judges,
            ResourcesChecked = scorers.ResourcesChecked,
            MetricsCompared = compared,
        };
    }

    private static int CheckSuiteFiles(LogHeader header, IReadOnlyDictionary<string, string> suiteFiles, List<RescoreFinding> differences)
    {
        var checkedFiles = 0;
        foreach (var file in header.Suites.SelectMany(s => s.Files).DistinctBy(f => (f.Path, f.Sha256)))
        {
            checkedFiles++;
            var subject = $"suite file {file.Path}";
            if (!suiteFiles.TryGetValue(file.Path, out var extracted) || !File.Exists(extracted))
            {
                differences.Add(new(RescoreFinding.SuiteFile, subject, "missing"));
                continue;
            }

            var sha = Hashing.Sha256File(extracted);
            if (!string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add(new(RescoreFinding.SuiteFile, subject, $"SHA-256 {sha} differs from the log header's {file.Sha256}"));
            }
        }

        return checkedFiles;
    }

    private static RunLog? ReadLog(string path, List<RescoreFinding> differences)
    {
        try
        {
            return RunLogReader.Read(path);
        }
        catch (InvalidInputException ex)
        {
            differences.Add(new(RescoreFinding.Input, RunFiles.Log, "cannot be read: " + string.Join("; ", ex.Diagnostics.Select(d => d.Line > 0 ? $"line {d.Line}: {d.Message}" : d.Message))));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            differences.Add(new(RescoreFinding.Input, RunFiles.Log, "cannot be read: " + ex.Message));
        }

        return null;
    }

    private static RunResults? ReadResults(string path, List<RescoreFinding> differences)
    {
        try
        {
            return ResultsFile.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or NotSupportedException)
        {
            differences.Add(new(RescoreFinding.Input, RunFiles.Results, "cannot be read: " + ex.Message));
            return null;
        }
    }

    /// <summary>Why MeCab cannot tokenise here, or null: scorers that need it report that reason instead of a score.</summary>
    private static string? MeCabProblem()
    {
        if (!Composition.Catalog.Tokenizers.TryGet(MeCabTokenizer, out var tokenizer))
        {
            return null;
        }

        try
        {
            tokenizer.Tokenize("日本語");
            return null;
        }
        catch (TokenizerUnavailableException ex)
        {
            return ex.Message;
        }
    }
}
