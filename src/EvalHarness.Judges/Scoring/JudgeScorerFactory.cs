using EvalHarness.Configuration;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Scoring;
using EvalHarness.Validation;

namespace EvalHarness.Judges.Scoring;

/// <summary>
/// <c>judge</c>: the suite names the rubric (a built-in id or a rubric file beside the suite), the command
/// line names the judge (<c>--judge</c>). Options: rubric, language, criteria, requirement_field,
/// context_field, retries.
/// </summary>
internal sealed class JudgeScorerFactory : IScorerFactory
{
    public static JudgeScorerFactory Default { get; } = new();

    public string Name => "judge";

    public string Description => "an LLM judge grades the answer with a rubric (options: rubric = requirement | equivalence | safety | quality | claim-support | refusal | a rubric file; language = auto | ja | en; criteria; requirement_field; context_field; retries); the judge model comes from --judge";

    public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy", "judge_agreement"];

    public ScoreMeaning Meaning => ScoreMeaning.PassFail;

    public IScorer Create(ScorerContext context)
    {
        var options = context.Options;
        var rubricName = options.GetString("rubric", required: true) ?? "requirement";
        var language = options.GetString("language") ?? JudgeOptions.Auto;
        if (language is not (JudgeOptions.Auto or "ja" or "en"))
        {
            options.Error("language", "must be auto, ja or en");
            language = JudgeOptions.Auto;
        }

        var judgeOptions = new JudgeOptions(
            language,
            options.GetString("criteria"),
            options.GetString("requirement_field") ?? "requirement",
            options.GetString("context_field") ?? "context",
            options.GetInt("retries", 0, 5) ?? 2);
        var rubrics = Rubrics(rubricName, options, context);
        if (rubrics.Count == 0)
        {
            return new JudgeScorer(new Dictionary<string, Rubric> { ["en"] = Placeholder() }, Placeholder(), judgeOptions, context.Roles);
        }

        var fallback = language != JudgeOptions.Auto && rubrics.TryGetValue(language, out var fixedLanguage) ? fixedLanguage : rubrics.GetValueOrDefault("en") ?? rubrics.Values.First();
        if (language != JudgeOptions.Auto && !rubrics.ContainsKey(language))
        {
            options.Error("language", $"rubric '{rubricName}' has no {language} version; it exists in: {string.Join(", ", rubrics.Keys)}");
        }

        return new JudgeScorer(language == JudgeOptions.Auto ? rubrics : new Dictionary<string, Rubric> { [language] = fallback }, fallback, judgeOptions, context.Roles);
    }

    /// <summary>A built-in rubric in every language it has, or one rubric file (its own language) that the suite may read.</summary>
    private static Dictionary<string, Rubric> Rubrics(string name, ConfigSection options, ScorerContext context)
    {
        var builtIn = RubricCatalog.BuiltIn.All.Where(r => r.Id == name).ToDictionary(r => r.Language, StringComparer.Ordinal);
        if (builtIn.Count > 0)
        {
            return builtIn;
        }

        if (!name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !name.Contains('/', StringComparison.Ordinal))
        {
            var suggestion = Suggest.Closest(name, RubricCatalog.BuiltIn.Ids);
            options.Error("rubric", $"unknown rubric '{name}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; use one of {string.Join(", ", RubricCatalog.BuiltIn.Ids)} or a rubric file (.md) beside the suite");
            return [];
        }

        var path = Path.GetFullPath(Path.Combine(context.SuiteDirectory ?? ".", name));
        if (!context.MayRead(options, "rubric", path))
        {
            return [];
        }

        var diagnostics = new DiagnosticBag();
        var rubric = RubricCatalog.LoadFile(path, diagnostics);
        foreach (var problem in diagnostics.Items)
        {
            options.Diagnostics.Add(problem);
        }

        return rubric is null ? [] : new Dictionary<string, Rubric> { [rubric.Language] = rubric };
    }

    /// <summary>Stands in after a rubric error, which already failed validation, so creation can go on and report every problem.</summary>
    private static Rubric Placeholder() => RubricCatalog.BuiltIn.All[0];
}
