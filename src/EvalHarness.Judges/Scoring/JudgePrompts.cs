using EvalHarness.Infrastructure;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Judges.Verdicts;
using EvalHarness.Solvers;

namespace EvalHarness.Judges.Scoring;

/// <summary>The follow-up a judge gets when its reply held no readable verdict, in the rubric's language.</summary>
internal static class JudgePrompts
{
    private static readonly Lazy<PromptTemplate> English = new(() => Load("en"));
    private static readonly Lazy<PromptTemplate> Japanese = new(() => Load("ja"));

    public static string Reask(Rubric rubric) =>
        (rubric.Language == "ja" ? Japanese : English).Value.Render(name => name == "format" ? Format(rubric.Verdict, rubric.Language) : null);

    /// <summary>The verdict line the built-in rubrics ask for, in words a judge can copy.</summary>
    private static string Format(VerdictGrammar grammar, string language) => grammar switch
    {
        ScaleGrammar scale when language == "ja" => $"評価：[[{scale.Min}〜{scale.Max} の整数]]",
        ScaleGrammar scale => $"Rating: [[a whole number from {scale.Min} to {scale.Max}]]",
        _ when language == "ja" => $"判定：{grammar.Describe().Replace(" or ", " または ", StringComparison.Ordinal)}",
        _ => $"GRADE: {grammar.Describe()}",
    };

    private static PromptTemplate Load(string language) =>
        new(EmbeddedText.Read(typeof(JudgePrompts).Assembly, $"prompts/reask.{language}.txt").TrimEnd('\n'));
}
