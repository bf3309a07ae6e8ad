using System.Globalization;
using EvalHarness.Logs;
using EvalHarness.Models;

namespace EvalHarness.Reporting;

/// <summary>
/// Who judged a run and what a judge error is, in the words every report and the console use, so the
/// Markdown summary, the page and the closing summary of a run never disagree.
/// </summary>
public static class JudgeFacts
{
    /// <summary>The roles of the run that have models bound (the judges), in header order.</summary>
    public static IReadOnlyList<RoleHeader> Roles(LogHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Roles?.Where(r => r.Models.Count > 0).ToList() ?? [];
    }

    /// <summary>The labels of the judges that are not live models ("recorded judge verdicts, not a live judge"), each once.</summary>
    public static IReadOnlyList<string> NotLiveLabels(LogHeader header) =>
        Roles(header).SelectMany(r => r.Models).Where(m => !m.Live).Select(Label).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>"Judge" or "Judges" (a panel); another role by its name.</summary>
    public static string Title(RoleHeader role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return role.Name == "judge" ? (role.Models.Count > 1 ? "Judges" : "Judge") : role.Name;
    }

    /// <summary>"demo (recorded judge verdicts, not a live judge); temperature 0, seed 5", with the panel's vote when there are several.</summary>
    public static string Describe(RoleHeader role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var parts = new List<string> { string.Join(", ", role.Models.Select(Model)) };
        if (role.Models.Count > 1)
        {
            parts.Add($"panel of {Number(role.Models.Count)}, vote {role.Vote}");
        }

        if (Settings(role) is { Length: > 0 } settings)
        {
            parts.Add(settings);
        }

        return string.Join("; ", parts);
    }

    /// <summary>"temperature 0, seed 5": what every judge call was sent with; empty when nothing was fixed.</summary>
    public static string Settings(RoleHeader role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var parts = new List<string>();
        if (role.Settings.Temperature is { } temperature)
        {
            parts.Add("temperature " + temperature.ToString("0.###", CultureInfo.InvariantCulture));
        }

        if (role.Settings.Seed is { } seed)
        {
            parts.Add("seed " + seed.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(", ", parts);
    }

    /// <summary>"run 20260102-x (log.jsonl SHA-256 ab12…)": the run a re-scored run took its outputs from.</summary>
    public static string Describe(ScoredFrom from)
    {
        ArgumentNullException.ThrowIfNull(from);
        return $"run {from.RunId} (log.jsonl SHA-256 {from.LogSha256})";
    }

    /// <summary>"3 judge errors: neither pass nor fail".</summary>
    public static string JudgeErrors(int count) =>
        $"{Number(count)} judge error{(count == 1 ? string.Empty : "s")}: neither pass nor fail";

    /// <summary>
    /// What follows n for a metric with unscored samples: "3 unscored", "3 judge errors: neither pass nor
    /// fail", or "5 unscored, 3 of them judge errors: neither pass nor fail"; empty when every sample scored.
    /// </summary>
    public static string Unscored(int unscored, int judgeErrors)
    {
        if (judgeErrors <= 0)
        {
            return unscored > 0 ? $"{Number(unscored)} unscored" : string.Empty;
        }

        return unscored > judgeErrors
            ? $"{Number(unscored)} unscored, {Number(judgeErrors)} of them judge error{(judgeErrors == 1 ? string.Empty : "s")}: neither pass nor fail"
            : JudgeErrors(judgeErrors);
    }

    /// <summary>Why a judge error is neither: said once wherever judge errors are counted.</summary>
    public const string JudgeErrorMeaning =
        "A judge error is a sample whose judge failed or gave no readable verdict: it counts neither as a pass nor as a fail, is left out of n, and evalh score can complete it later.";

    private static string Model(ModelInfo model)
    {
        var where = model.BaseUrl is null ? model.Spec : $"{model.Spec} at {model.BaseUrl}";
        return $"{where} ({Label(model)})";
    }

    private static string Label(ModelInfo model) =>
        string.IsNullOrWhiteSpace(model.Label) ? (model.Live ? ModelInfo.LiveLabel : ModelInfo.DemoJudgeLabel) : model.Label.Trim();

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
