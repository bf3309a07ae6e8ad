using EvalHarness.Suites;
using EvalHarness.Scorers.Text;
using EvalHarness.Validation;

namespace EvalHarness.Scorers.Match;

public static class Targets
{
    public static SampleProblem? Require(Sample sample) =>
        sample.Targets.Count == 0 ? new SampleProblem("target", "this scorer compares with the sample's target, but the sample has none") : null;

    public static string List(IReadOnlyList<string> targets) =>
        string.Join(", ", targets.Take(5).Select(t => "'" + Snippet.Of(t, 40) + "'")) + (targets.Count > 5 ? ", …" : string.Empty);
}
