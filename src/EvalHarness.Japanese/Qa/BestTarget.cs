using System.Text.Json.Nodes;
using EvalHarness.Suites;
using EvalHarness.Scorers.Text;
using EvalHarness.Scoring;
using EvalHarness.Scorers.Match;

namespace EvalHarness.Japanese.Qa;

/// <summary>
/// The target that gives the highest value. Several targets are alternative gold answers, so the output is
/// credited with the closest one; on a tie the first listed wins, keeping the explanation stable.
/// </summary>
internal static class BestTarget
{
    public static (int Index, T Result) Of<T>(IReadOnlyList<string> targets, Func<string, T> compute, Func<T, double> value)
    {
        var bestIndex = 0;
        var best = compute(targets[0]);
        for (var i = 1; i < targets.Count; i++)
        {
            var result = compute(targets[i]);
            if (value(result) > value(best))
            {
                best = result;
                bestIndex = i;
            }
        }

        return (bestIndex, best);
    }

    /// <summary>"; best of 3 targets (target 2)", or nothing when there is only one target.</summary>
    public static string Note(int index, int count) =>
        count <= 1 ? string.Empty : FormattableString.Invariant($"; best of {count} targets (target {index + 1})");

    /// <summary>
    /// The graded score of <paramref name="prediction"/> against the sample's closest target: its value, its
    /// figures as metadata (with the chosen target's index when there are several) and an explanation.
    /// </summary>
    public static Score Score<T>(Sample sample, string prediction, Func<string, T> compute, Func<T, double> value, Func<T, JsonObject> metadata, Func<T, string, string> explain)
    {
        var targets = sample.Targets;
        if (targets.Count == 0)
        {
            return Scoring.Score.Failed(Targets.Require(sample)!.Message);
        }

        var (index, result) = Of(targets, compute, value);
        var figures = metadata(result);
        if (targets.Count > 1)
        {
            figures["target"] = index;
        }

        return new Score
        {
            Value = value(result),
            Answer = Snippet.Of(prediction),
            Explanation = explain(result, targets[index]) + Note(index, targets.Count),
            Metadata = figures,
        };
    }
}
