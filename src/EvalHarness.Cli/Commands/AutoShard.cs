using System.Globalization;
using EvalHarness.Engine;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>--shard auto</c> and <c>--shard auto/N</c>: the shard from the variables a job scheduler sets, so one
/// command line serves every job of a matrix. Precedence: <c>EVALH_SHARD_INDEX</c> (set by the user, so it
/// overrides what the platform sets), then GitLab's <c>CI_NODE_INDEX</c>/<c>CI_NODE_TOTAL</c>, then a
/// Kubernetes Indexed Job's <c>JOB_COMPLETION_INDEX</c>. Indexes are 1-based like <c>--shard i/n</c>, except
/// <c>JOB_COMPLETION_INDEX</c>, which Kubernetes numbers from 0.
/// </summary>
internal static class AutoShard
{
    public const string Index = "EVALH_SHARD_INDEX";
    public const string Count = "EVALH_SHARD_COUNT";
    public const string GitLabIndex = "CI_NODE_INDEX";
    public const string GitLabTotal = "CI_NODE_TOTAL";
    public const string KubernetesIndex = "JOB_COMPLETION_INDEX";

    /// <summary>True when <paramref name="text"/> asks for auto; then exactly one of shard and error is set.</summary>
    public static bool TryResolve(string text, Func<string, string?> variables, out ShardChoice? shard, out string? error)
    {
        shard = null;
        error = null;
        if (!text.StartsWith("auto", StringComparison.Ordinal) || (text.Length > 4 && text[4] != '/'))
        {
            return false;
        }

        int? given = null;
        if (text.Length > 4)
        {
            if (!TryCount(text[5..], out var n))
            {
                error = $"--shard: '{text}' is not valid; expected auto/n with n a whole number at least 1, e.g. auto/8";
                return true;
            }

            given = n;
        }

        (shard, error) = Resolve(given, name => variables(name) is { Length: > 0 } v ? v : null);
        return true;
    }

    private static (ShardChoice?, string?) Resolve(int? flagCount, Func<string, string?> variable)
    {
        // The count the user gave, by flag or by variable; two that disagree are a mistake, not a choice.
        var countText = variable(Count);
        int? count = flagCount;
        if (countText is not null)
        {
            if (!TryCount(countText, out var c))
            {
                return Fail($"{Count}='{countText}' is not a whole number at least 1");
            }

            if (flagCount is { } f && f != c)
            {
                return Fail($"{Count}={c} contradicts --shard auto/{f}");
            }

            count = c;
        }

        var origin = flagCount is null ? null : $"--shard auto/{flagCount}";
        if (variable(Index) is { } index)
        {
            return count is { } n
                ? FromIndex(Index, index, oneBased: true, n, Join($"{Index}={index}", countText is null ? origin : $"{Count}={countText}"))
                : Fail($"{Index}={index} is set but the count is not: set {Count} or use --shard auto/N");
        }

        var gitLabIndex = variable(GitLabIndex);
        var gitLabTotal = variable(GitLabTotal);
        if (gitLabIndex is not null || gitLabTotal is not null)
        {
            if (gitLabIndex is null || gitLabTotal is null)
            {
                return Fail(gitLabIndex is null
                    ? $"{GitLabTotal}={gitLabTotal} is set but {GitLabIndex} is not"
                    : $"{GitLabIndex}={gitLabIndex} is set but {GitLabTotal} is not");
            }

            if (!TryCount(gitLabTotal, out var total))
            {
                return Fail($"{GitLabTotal}='{gitLabTotal}' is not a whole number at least 1");
            }

            if (count is { } n && n != total)
            {
                return Fail($"{GitLabTotal}={total} contradicts {(countText is null ? $"--shard auto/{n}" : $"{Count}={n}")}");
            }

            return FromIndex(GitLabIndex, gitLabIndex, oneBased: true, total, $"{GitLabIndex}={gitLabIndex}, {GitLabTotal}={gitLabTotal}");
        }

        if (variable(KubernetesIndex) is { } k)
        {
            return count is { } n
                ? FromIndex(KubernetesIndex, k, oneBased: false, n, Join($"{KubernetesIndex}={k}", countText is null ? origin : $"{Count}={countText}"))
                : Fail($"{KubernetesIndex}={k} is set but Kubernetes does not tell the pod the completion count: use --shard auto/N (N = the Job's completions) or set {Count}");
        }

        if (countText is not null)
        {
            return Fail($"{Count}={countText} is set but no shard index is: set {Index} as well");
        }

        return Fail($"no shard index in the environment: set {Index} and {Count} (e.g. from a CI matrix), or run as a GitLab parallel job ({GitLabIndex}/{GitLabTotal}) or a Kubernetes Indexed Job ({KubernetesIndex}, with --shard auto/N)");
    }

    private static (ShardChoice?, string?) FromIndex(string name, string text, bool oneBased, int count, string origin)
    {
        var (low, high) = oneBased ? (1, count) : (0, count - 1);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return Fail($"{name}='{text}' is not a whole number");
        }

        return index < low || index > high
            ? Fail($"{name}={index} is out of range: with {count} shards it must be {low} to {high}")
            : (new ShardChoice(new ShardSpec(oneBased ? index : index + 1, count), origin), null);
    }

    private static bool TryCount(string text, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1;

    private static string Join(string first, string? second) => second is null ? first : $"{first}, {second}";

    private static (ShardChoice?, string?) Fail(string why) => (null, "--shard auto: " + why);
}
