using System.Runtime.CompilerServices;
using EvalHarness.Coverage;
using EvalHarness.Extensions;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Scoring;
using EvalHarness.Suites;

namespace EvalHarness.Results;

/// <summary>
/// Derives <see cref="RunResults"/> from a run log alone. Samples are ordered by id before any metric
/// sees them, so results do not depend on completion order, sharding or resumption.
/// </summary>
public sealed class ResultsBuilder
{
    private readonly EvalCatalog _catalog;

    // A gate builds results, compares with a baseline and lists failed samples from the same logs: each suite's
    // outcomes are collected once per log this builder sees (logs are not changed once read).
    private readonly ConditionalWeakTable<RunLog, Dictionary<string, List<SampleOutcome>>> _collected = [];

    /// <summary>The catalogue the metrics come from: <c>evalh compare</c> computes the same metrics on resampled samples.</summary>
    internal EvalCatalog Catalog => _catalog;

    public ResultsBuilder(EvalCatalog catalog)
    {
        _catalog = catalog;
    }

    /// <param name="suites">
    /// Only these suites (by name), for comparing runs that ran different suites; null for all of them.
    /// Counts and the overview then cover these suites only.
    /// </param>
    public RunResults Build(RunLog log, IReadOnlySet<string>? suites = null)
    {
        var header = log.Header;
        var outcomes = header.Suites
            .Where(s => suites is null || suites.Contains(s.Name))
            .Select(s => (Suite: s, Samples: Outcomes(s, log)))
            .ToList();
        var built = outcomes.Select(o => BuildSuite(o.Suite, o.Samples, header)).ToList();
        var counts = ResultCounts.Sum(built.Select(s => s.Counts));

        var status = log.Footer?.Status switch
        {
            RunStatus.Aborted => RunStatus.Aborted,
            RunStatus.Completed when counts.Pending == 0 => RunStatus.Completed,
            _ => RunStatus.Incomplete,
        };

        return new RunResults
        {
            RunId = header.RunId,
            Status = status,
            Harness = header.Harness,
            Model = header.Model,
            Started = header.Started,
            Ended = log.Footer?.Ended,
            Seed = header.Seed,
            Confidence = header.Confidence,
            Counts = counts,
            Suites = built,
            Overview = OverviewBuilder.Build(outcomes.Select(o => (o.Suite, (IReadOnlyList<SampleOutcome>)o.Samples)), header.Confidence),
            Coverage = CoverageBuilder.Build(outcomes.SelectMany(o => CoverageSamples(o.Suite, o.Samples)).ToList(), outcomes.Select(o => o.Suite.Name).ToList(), CoverageMap.Bundled),
        };
    }

    /// <summary>Each sample with its tags from the log and the scorers (registered names) that scored it.</summary>
    private static IEnumerable<CoverageSample> CoverageSamples(SuiteHeader suite, List<SampleOutcome> samples)
    {
        // ScoredBy lists are shared between samples, so are the registered names they turn into.
        var names = new Dictionary<IReadOnlyList<string>, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var sample in samples)
        {
            if (!names.TryGetValue(sample.ScoredBy, out var scorers))
            {
                names[sample.ScoredBy] = scorers = suite.Scorers.Where(s => sample.ScoredBy.Contains(s.Id, StringComparer.Ordinal)).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
            }

            var language = sample.Metadata.GetValueOrDefault(MetadataKeys.Language) ?? suite.Language;
            yield return new CoverageSample(suite.Name, sample.Metadata, language, scorers, !sample.Errored && sample.Complete);
        }
    }

    private SuiteResults BuildSuite(SuiteHeader suite, List<SampleOutcome> samples, LogHeader header)
    {
        var metrics = ComputeMetrics(suite, samples, header);
        var population = Enumerable.Range(0, suite.Scorers.Count)
            .Select(i => (IReadOnlyList<SampleScore>)samples.Select(s => s.Scores[i]?.Score).OfType<SampleScore>().ToList())
            .ToArray();
        var groups = new List<GroupResults>();
        foreach (var key in suite.GroupBy)
        {
            // One pass per key: the samples of every value of the key at once.
            var byValue = new SortedDictionary<string, List<SampleOutcome>>(StringComparer.Ordinal);
            foreach (var sample in samples)
            {
                if (sample.Metadata.GetValueOrDefault(key) is { } value)
                {
                    if (!byValue.TryGetValue(value, out var members))
                    {
                        byValue[value] = members = [];
                    }

                    members.Add(sample);
                }
            }

            foreach (var (value, subset) in byValue)
            {
                // A scorer that applies to no sample of the group has nothing to say about it.
                var applicable = ComputeMetrics(suite, subset, header, population).Where(m => m.N > 0 || m.Unscored > 0).ToList();
                groups.Add(new GroupResults(key, value, Count(subset, subset.Count), applicable));
            }
        }

        return new SuiteResults
        {
            Name = suite.Name,
            Version = suite.Version,
            Language = suite.Language,
            Files = suite.Files,
            Epochs = suite.Epochs,
            Counts = Count(samples, suite.Samples),
            Metrics = metrics,
            Groups = groups,
        };
    }

    /// <summary>
    /// Lets go of the outcomes kept for <paramref name="log"/>. They are kept for further questions about the same log
    /// (a gate asks many); once none will come, a large run's outcomes need not wait for two collections to be freed.
    /// </summary>
    public void Forget(RunLog log) => _collected.Remove(log);

    /// <summary>One suite's samples with their reduced scores, as the results see them: <c>evalh compare</c> pairs these.</summary>
    internal List<SampleOutcome> Outcomes(SuiteHeader suite, RunLog log)
    {
        var bySuite = _collected.GetValue(log, _ => new Dictionary<string, List<SampleOutcome>>(StringComparer.Ordinal));
        lock (bySuite)
        {
            if (!bySuite.TryGetValue(suite.Name, out var outcomes))
            {
                // Every suite of the log in one pass over its records: a large log is read from disk, once.
                var collector = new OutcomeCollector(log.Header.Suites, Reducer, _catalog.Reducers.InOrder[0]);
                foreach (var record in log.Samples)
                {
                    collector.Add(record);
                }

                foreach (var header in log.Header.Suites)
                {
                    bySuite.TryAdd(header.Name, collector.Outcomes(header));
                }

                if (!bySuite.TryGetValue(suite.Name, out outcomes))
                {
                    // A suite the log's header does not name (a caller's own header) has no records here.
                    var own = new OutcomeCollector([suite], Reducer, _catalog.Reducers.InOrder[0]);
                    foreach (var record in log.Samples.Where(r => string.Equals(r.Suite, suite.Name, StringComparison.Ordinal)))
                    {
                        own.Add(record);
                    }

                    bySuite[suite.Name] = outcomes = own.Outcomes(suite);
                }
            }

            return outcomes;
        }
    }

    // A log from a host with a reducer this one lacks still gets results: the mean is the honest default.
    private IScoreReducer? Reducer(string name) => _catalog.Reducers.TryGet(name, out var reducer) ? reducer : null;

    private static ResultCounts Count(List<SampleOutcome> samples, int planned)
    {
        var errored = samples.Count(s => s.Errored);
        var scored = samples.Count(s => !s.Errored && s.Complete);
        var epochs = samples.Sum(s => s.Epochs);
        var erroredEpochs = samples.Sum(s => s.ErroredEpochs);
        return new ResultCounts(planned, scored, errored, Math.Max(0, planned - scored - errored), epochs, erroredEpochs);
    }

    /// <param name="population">Per scorer, the whole suite's sample scores when <paramref name="samples"/> are one group's.</param>
    private List<MetricResult> ComputeMetrics(SuiteHeader suite, List<SampleOutcome> samples, LogHeader header, IReadOnlyList<SampleScore>[]? population = null)
    {
        var results = new List<MetricResult>();
        for (var i = 0; i < suite.Scorers.Count; i++)
        {
            var scorer = suite.Scorers[i];
            var scores = new List<SampleScore>(samples.Count);
            var unscored = 0;
            var judgeErrors = 0;
            var unscoredScores = new List<SampleScore>();
            foreach (var sample in samples)
            {
                var outcome = sample.Scores[i];
                if (outcome is null)
                {
                    continue;
                }

                if (outcome.Unscorable)
                {
                    unscored++;
                    judgeErrors += outcome.JudgeError ? 1 : 0;
                    unscoredScores.Add(new SampleScore(sample.Id, double.NaN, outcome.UnscoredEpochs, sample.Metadata));
                }
                else if (outcome.Score is { } score)
                {
                    scores.Add(score);
                }
            }

            // A metric may compare a sample with one outside the group (a perturbed question with its original).
            var input = new MetricInput(scores, header.Confidence, header.Seed, scorer.Range) { Meaning = scorer.Meaning, Unscored = unscoredScores, SuiteScores = population?[i] };
            var meaning = scorer.Meaning;
            foreach (var name in scorer.Metrics)
            {
                var known = _catalog.Metrics.TryGet(name, out var metric);
                var value = known ? metric.Compute(input) : MetricValue.Empty;
                if (known && metric.OmitWhenEmpty && value.Value is null)
                {
                    continue;
                }

                var reads = known ? metric.Meaning(meaning) : MetricMeaning.Of(meaning);
                results.Add(new MetricResult(scorer.Id, name, value.Value, value.Interval?.Low, value.Interval?.High, value.Interval?.Method, value.N, unscored)
                {
                    Proportion = reads.Proportion,
                    Direction = reads.Direction,
                    JudgeErrors = judgeErrors,
                    Statistic = value.Statistic,
                    CiResamples = value.Interval?.Resamples,
                });
            }
        }

        return results;
    }
}
