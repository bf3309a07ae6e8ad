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
        foreach (var sample in samples)
        {
            var scored = sample.Records.SelectMany(r => r.Scores?.Keys ?? Enumerable.Empty<string>()).ToHashSet(StringComparer.Ordinal);
            var scorers = suite.Scorers.Where(s => scored.Contains(s.Id)).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
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

    /// <summary>One suite's samples with their reduced scores, as the results see them: <c>evalh compare</c> pairs these.</summary>
    internal List<SampleOutcome> Outcomes(SuiteHeader suite, RunLog log)
    {
        var bySuite = _collected.GetValue(log, _ => new Dictionary<string, List<SampleOutcome>>(StringComparer.Ordinal));
        lock (bySuite)
        {
            if (bySuite.Count == 0 && log.Header.Suites.Count > 1)
            {
                // Every suite at once: one pass over the records instead of one per suite.
                foreach (var group in log.Samples.GroupBy(r => r.Suite, StringComparer.Ordinal))
                {
                    if (log.Header.Suites.FirstOrDefault(s => s.Name == group.Key) is { } header)
                    {
                        bySuite[group.Key] = CollectSamples(header, group.ToList());
                    }
                }
            }

            if (!bySuite.TryGetValue(suite.Name, out var outcomes))
            {
                outcomes = CollectSamples(suite, log.Samples.Where(r => string.Equals(r.Suite, suite.Name, StringComparison.Ordinal)).ToList());
                bySuite[suite.Name] = outcomes;
            }

            return outcomes;
        }
    }

    /// <summary>
    /// Each sample once: its latest record per epoch and, per scorer, its reduced score (or the fact
    /// that the scorer could not decide). Groups then only select among these.
    /// </summary>
    private List<SampleOutcome> CollectSamples(SuiteHeader suite, List<SampleRecord> records)
    {
        // A log from a host with a reducer this one lacks still gets results: the mean is the honest default.
        if (!_catalog.Reducers.TryGet(suite.Epochs.Reducer, out var reducer))
        {
            reducer = _catalog.Reducers.InOrder[0];
        }

        var outcomes = new List<SampleOutcome>();
        foreach (var group in records.GroupBy(r => r.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = Epochs(group);
            var errored = list.Exists(r => r.IsError);
            var complete = list.Count >= suite.Epochs.Count;
            var scores = new ScorerOutcome[suite.Scorers.Count];
            for (var i = 0; i < scores.Length && !errored && complete; i++)
            {
                scores[i] = Reduce(group.Key, suite.Scorers[i].Id, list, reducer);
            }

            outcomes.Add(new SampleOutcome(group.Key, list, list[^1].Metadata, errored, complete, scores));
        }

        return outcomes;
    }

    /// <summary>A sample's records, one per epoch in epoch order; after a resume the same epoch may appear twice, and the later record is the one that counts.</summary>
    private static List<SampleRecord> Epochs(IGrouping<string, SampleRecord> group)
    {
        // One record (one epoch, no resume) is by far the common case at scale: no ordering to do.
        if (group.TryGetNonEnumeratedCount(out var count) && count == 1)
        {
            return [group.First()];
        }

        var epochs = new SortedDictionary<int, SampleRecord>();
        foreach (var record in group)
        {
            epochs[record.Epoch] = record;
        }

        return [.. epochs.Values];
    }

    private static ScorerOutcome Reduce(string id, string scorer, List<SampleRecord> epochs, IScoreReducer reducer)
    {
        if (epochs[0].Scores is not { } first || !first.ContainsKey(scorer))
        {
            return ScorerOutcome.NotApplicable;
        }

        var epochScores = new Score[epochs.Count];
        var values = new double[epochs.Count];
        for (var e = 0; e < epochs.Count; e++)
        {
            if (epochs[e].Scores?.GetValueOrDefault(scorer) is not { Value: { } value } score)
            {
                var outcome = epochs[e].Scores?.GetValueOrDefault(scorer)?.JudgeError == true ? ScorerOutcome.JudgeFailed : ScorerOutcome.Unscored;
                return outcome with { UnscoredEpochs = epochs.Select(r => r.Scores?.GetValueOrDefault(scorer)).OfType<Score>().ToList() };
            }

            epochScores[e] = score;
            values[e] = value;
        }

        return new ScorerOutcome(new SampleScore(id, reducer.Reduce(values), epochScores, epochs[^1].Metadata), false);
    }

    private static ResultCounts Count(List<SampleOutcome> samples, int planned)
    {
        var errored = samples.Count(s => s.Errored);
        var scored = samples.Count(s => !s.Errored && s.Complete);
        var epochs = samples.Sum(s => s.Records.Count);
        var erroredEpochs = samples.Sum(s => s.Records.Count(r => r.IsError));
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
