using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Results;

/// <summary>
/// Turns a log's sample records into <see cref="SampleOutcome"/>s in one pass, keeping of each record only what
/// results read: its epoch, whether it errored, its tags (identical tag sets shared) and its scores without their
/// explanations. The records themselves can then be read from disk and let go one by one.
/// </summary>
internal sealed class OutcomeCollector
{
    private readonly Dictionary<string, SuiteHeader> _suites;
    private readonly IScoreReducer _fallbackReducer;
    private readonly Func<string, IScoreReducer?> _reducers;
    // Per suite, per sample id: its one EpochRecord, or a List<EpochRecord> once a second epoch (or a resumed duplicate) comes.
    private readonly Dictionary<string, Dictionary<string, object>> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Suite, int Mask), IReadOnlyList<string>> _scoredBy = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _tagSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);

    // Records made in this process share their dataset's metadata objects: those are looked up by reference,
    // without building the key below for every record.
    private readonly Dictionary<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> _tagObjects = new(ReferenceEqualityComparer.Instance);

    public OutcomeCollector(IEnumerable<SuiteHeader> suites, Func<string, IScoreReducer?> reducers, IScoreReducer fallbackReducer)
    {
        _suites = suites.DistinctBy(s => s.Name, StringComparer.Ordinal).ToDictionary(s => s.Name, StringComparer.Ordinal);
        _reducers = reducers;
        _fallbackReducer = fallbackReducer;
    }

    public void Add(SampleRecord record)
    {
        if (!_suites.TryGetValue(record.Suite, out var suite))
        {
            return;
        }

        if (!_records.TryGetValue(suite.Name, out var byId))
        {
            _records[suite.Name] = byId = new Dictionary<string, object>(StringComparer.Ordinal);
        }

        var scores = new Score?[suite.Scorers.Count];
        if (record.Scores is { Count: > 0 } recorded)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                if (recorded.TryGetValue(suite.Scorers[i].Id, out var score))
                {
                    scores[i] = Compact(score);
                }
            }
        }

        var epoch = new EpochRecord(record.Epoch, record.IsError, Shared(record.Metadata), scores);
        var single = suite.Epochs.Count == 1 && record.Epoch == 1;
        if (!byId.TryGetValue(record.Id, out var existing) || (single && existing is SampleOutcome))
        {
            // One epoch is the common case at scale: the sample's outcome is final at once (a later record of the
            // same sample, after a resume, replaces it), and nothing in between is kept.
            byId[record.Id] = single ? Build(record.Id, [epoch], suite, Reducer(suite)) : epoch;
            return;
        }

        var epochs = existing switch
        {
            List<EpochRecord> list => list,
            SampleOutcome outcome => [Unbuild(outcome)],
            _ => [(EpochRecord)existing],
        };
        byId[record.Id] = epochs;

        // After a resume the same epoch may appear twice; the later record is the one that counts.
        var at = epochs.FindIndex(e => e.Epoch == epoch.Epoch);
        if (at >= 0)
        {
            epochs[at] = epoch;
        }
        else
        {
            epochs.Add(epoch);
            epochs.Sort(static (a, b) => a.Epoch.CompareTo(b.Epoch));
        }
    }

    /// <summary>Each sample of the suite once, ordered by id, with its scores reduced over its epochs. Call once per suite: its records are let go as they are reduced.</summary>
    public List<SampleOutcome> Outcomes(SuiteHeader suite)
    {
        var reducer = Reducer(suite);
        if (!_records.Remove(suite.Name, out var byId))
        {
            return [];
        }

        var pending = byId.ToArray();
        byId.Clear();
        byId.TrimExcess();
        Array.Sort(pending, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var outcomes = new List<SampleOutcome>(pending.Length);
        for (var p = 0; p < pending.Length; p++)
        {
            var (id, entry) = pending[p];
            pending[p] = default;
            outcomes.Add(entry switch
            {
                SampleOutcome built => built,
                List<EpochRecord> list => Build(id, list, suite, reducer),
                _ => Build(id, [(EpochRecord)entry], suite, reducer),
            });
        }

        return outcomes;
    }

    private IScoreReducer Reducer(SuiteHeader suite) => _reducers(suite.Epochs.Reducer) ?? _fallbackReducer;

    private SampleOutcome Build(string id, IReadOnlyList<EpochRecord> epochs, SuiteHeader suite, IScoreReducer reducer)
    {
        var errored = false;
        var erroredEpochs = 0;
        var mask = 0;
        foreach (var e in epochs)
        {
            errored |= e.IsError;
            erroredEpochs += e.IsError ? 1 : 0;
            for (var i = 0; i < e.Scores.Length && i < 31; i++)
            {
                mask |= e.Scores[i] is null ? 0 : 1 << i;
            }
        }

        var complete = epochs.Count >= suite.Epochs.Count;
        var scores = new ScorerOutcome?[suite.Scorers.Count];
        var metadata = epochs[^1].Metadata;
        for (var i = 0; i < scores.Length && !errored && complete; i++)
        {
            scores[i] = Reduce(id, i, epochs, reducer, metadata);
        }

        return new SampleOutcome(id, metadata, errored, complete, scores)
        {
            Epochs = epochs.Count,
            ErroredEpochs = erroredEpochs,
            ScoredBy = ScoredBy(suite, mask, epochs),
        };
    }

    /// <summary>The one epoch an outcome was built from, back: for a sample of a one-epoch suite that turns out to have a second record of another epoch.</summary>
    private static EpochRecord Unbuild(SampleOutcome outcome)
    {
        // A one-epoch outcome keeps each scorer's epoch score (scored or not); a scorer that did not apply has none.
        var scores = outcome.Scores.Select(s => s?.Score?.EpochScores[0] ?? (s is { UnscoredEpochs.Count: > 0 } ? s.UnscoredEpochs[0] : null)).ToArray();
        return new EpochRecord(1, outcome.Errored, outcome.Metadata, scores);
    }

    // Samples of a suite are mostly scored by the same scorers: one list per combination, not per sample.
    private IReadOnlyList<string> ScoredBy(SuiteHeader suite, int mask, IReadOnlyList<EpochRecord> epochs)
    {
        if (suite.Scorers.Count > 31)
        {
            return suite.Scorers.Where((s, i) => epochs.Any(e => e.Scores[i] is not null)).Select(s => s.Id).ToList();
        }

        if (!_scoredBy.TryGetValue((suite.Name, mask), out var list))
        {
            _scoredBy[(suite.Name, mask)] = list = suite.Scorers.Where((s, i) => (mask & (1 << i)) != 0).Select(s => s.Id).ToList();
        }

        return list;
    }

    private static ScorerOutcome Reduce(string id, int scorer, IReadOnlyList<EpochRecord> epochs, IScoreReducer reducer, IReadOnlyDictionary<string, string> metadata)
    {
        if (epochs[0].Scores[scorer] is null)
        {
            return ScorerOutcome.NotApplicable;
        }

        var epochScores = new Score[epochs.Count];
        var values = new double[epochs.Count];
        for (var e = 0; e < epochs.Count; e++)
        {
            if (epochs[e].Scores[scorer] is not { Value: { } value } score)
            {
                var outcome = epochs[e].Scores[scorer]?.JudgeError == true ? ScorerOutcome.JudgeFailed : ScorerOutcome.Unscored;
                return outcome with { UnscoredEpochs = epochs.Select(r => r.Scores[scorer]).OfType<Score>().ToList() };
            }

            epochScores[e] = score;
            values[e] = value;
        }

        return new ScorerOutcome(new SampleScore(id, reducer.Reduce(values), epochScores, metadata), false);
    }

    // Metrics read values, answers, sub-values and metadata; the explanation is for people, and reports read it from the log.
    private Score Compact(Score score) =>
        score.Explanation is null && (score.Answer is null || _answers.ContainsKey(score.Answer))
            ? score
            : score with { Explanation = null, Answer = Shared(score.Answer) };

    private string? Shared(string? answer)
    {
        if (answer is null || answer.Length > 64)
        {
            return answer;
        }

        if (_answers.TryGetValue(answer, out var shared))
        {
            return shared;
        }

        if (_answers.Count < 100_000)
        {
            _answers[answer] = answer;
        }

        return answer;
    }

    private IReadOnlyDictionary<string, string> Shared(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count == 0 || tags.Count > 16)
        {
            return tags;
        }

        if (_tagObjects.TryGetValue(tags, out var known))
        {
            return known;
        }

        // Records read back from the log each have their own objects: a small table, emptied when full, keeps
        // them from filling it.
        var result = SharedByValue(tags);
        if (_tagObjects.Count >= 256)
        {
            _tagObjects.Clear();
        }

        _tagObjects[tags] = result;
        return result;
    }

    private IReadOnlyDictionary<string, string> SharedByValue(IReadOnlyDictionary<string, string> tags)
    {
        var key = string.Join('\u0001', tags.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + '\u0002' + p.Value));
        if (_tagSets.TryGetValue(key, out var shared))
        {
            return shared;
        }

        // Tags unique to each sample (a source id, say) would only fill the table.
        if (_tagSets.Count < 100_000)
        {
            _tagSets[key] = tags;
        }

        return tags;
    }

    private sealed record EpochRecord(int Epoch, bool IsError, IReadOnlyDictionary<string, string> Metadata, Score?[] Scores);
}
