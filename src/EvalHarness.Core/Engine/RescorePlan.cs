using System.Text.Json.Nodes;
using EvalHarness.Logs;
using EvalHarness.Scoring;

namespace EvalHarness.Engine;

/// <summary>
/// For one suite of a recorded run: which of the new scorers apply to a recorded sample, and which judge
/// verdicts stand as recorded. A verdict stands when asking again would ask the same: the same judges, the
/// same scorer with the same rubric bytes; without a judge to ask, whatever was recorded stands.
/// </summary>
internal sealed class RescorePlan
{
    private readonly Dictionary<string, ScorerHeader> _recorded;
    private readonly bool _judgeBound;
    private readonly bool _sameJudges;
    private readonly bool _rejudge;

    public RescorePlan(SuiteHeader suite, IReadOnlyList<ScorerConfig> scorers, bool judgeBound, bool sameJudges, bool rejudge)
    {
        Scorers = scorers;
        _recorded = suite.Scorers.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _judgeBound = judgeBound;
        _sameJudges = sameJudges;
        _rejudge = rejudge;
    }

    public IReadOnlyList<ScorerConfig> Scorers { get; }

    public static bool IsJudge(ScorerConfig scorer) => scorer.Scorer.Roles.Contains(ModelRole.Judge, StringComparer.Ordinal);

    /// <summary>The judges asked now are those the run recorded, in order (and for a panel, voting alike).</summary>
    public static bool SameJudges(IReadOnlyList<RoleHeader>? recorded, IReadOnlyList<ModelRole> now)
    {
        var before = recorded?.FirstOrDefault(r => r.Name == ModelRole.Judge);
        var after = now.FirstOrDefault(r => r.Name == ModelRole.Judge && r.IsBound);
        return before is not null && after is not null
            && before.Models.Select(m => m.Spec).SequenceEqual(after.Models.Select(m => m.Info.Spec), StringComparer.Ordinal)
            && (after.Models.Count == 1 || before.Vote == after.Vote);
    }

    /// <summary>A scorer the run had keeps to the samples it scored (a sample may name its scorers); a new one scores every sample.</summary>
    public bool Applies(ScorerConfig scorer, SampleRecord record) =>
        !_recorded.ContainsKey(scorer.Id) || record.Scores?.ContainsKey(scorer.Id) == true;

    /// <summary>True when the recorded judge score stands as it is, without asking.</summary>
    public bool Keeps(ScorerConfig scorer, Score? recorded)
    {
        if (!IsJudge(scorer) || recorded is null || !Unchanged(scorer))
        {
            return false;
        }

        // Without a judge nothing can be asked, so verdicts and judge errors alike stay as recorded.
        return !_judgeBound || (!_rejudge && _sameJudges && recorded.Value is not null);
    }

    private bool Unchanged(ScorerConfig scorer) =>
        _recorded.TryGetValue(scorer.Id, out var before)
        && before.Name == scorer.Name
        && JsonNode.DeepEquals(before.Options, scorer.Options)
        && Fingerprint(before.Resources ?? []).SetEquals(Fingerprint(scorer.Scorer.Resources));

    private static HashSet<(string, string)> Fingerprint(IEnumerable<ScorerResource> resources) => resources.Select(r => (r.Name, r.Sha256)).ToHashSet();
}
