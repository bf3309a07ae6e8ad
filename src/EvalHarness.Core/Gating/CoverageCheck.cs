using EvalHarness.Coverage;
using EvalHarness.Results;

namespace EvalHarness.Gating;

/// <summary>Coverage rules: one evaluation per listed risk, perspective and quality category, counting scored samples tagged with it.</summary>
internal static class CoverageCheck
{
    public static IEnumerable<RuleOutcome> Evaluate(CoverageRule rule, RunResults results)
    {
        var coverage = results.Coverage;
        return rule.Risks.Select(id => Check(rule, "risk", id, coverage.Risks))
            .Concat(rule.Perspectives.Select(id => Check(rule, "perspective", id, coverage.Perspectives)))
            .Concat(rule.Quality.Select(id => Check(rule, "quality", id, coverage.Quality)))
            .ToList();
    }

    private static RuleOutcome Check(CoverageRule rule, string kind, string id, IReadOnlyList<CoverageEntry> entries)
    {
        var entry = entries.FirstOrDefault(e => e.Id == id);
        var scored = entry is null ? 0 : entry.Scored ?? entry.Samples;
        var passed = scored >= rule.MinSamples;
        var suites = entry is null || entry.Suites.Count == 0 ? string.Empty : " (" + string.Join(", ", entry.Suites.Select(s => $"{s.Name} {GateText.Count(s.Scored ?? s.Samples)}")) + ")";
        var reason = passed
            ? $"{kind} {id}: {GateText.Count(scored)} scored samples{suites}"
            : scored == 0
                ? $"{kind} {id} is not covered: no scored sample is tagged with it; the policy needs at least {GateText.Count(rule.MinSamples)}"
                : $"{kind} {id} has {GateText.Count(scored)} scored samples{suites}; the policy needs at least {GateText.Count(rule.MinSamples)}";
        return new RuleOutcome(rule.Id, rule.Kind, $"{kind} {id}", passed ? OutcomeStatus.Pass : OutcomeStatus.Fail, scored, "≥ " + GateText.Count(rule.MinSamples) + " scored samples", reason)
        {
            Group = id,
            N = scored,
        };
    }
}
