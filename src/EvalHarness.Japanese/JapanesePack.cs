using EvalHarness.Extensions;
using EvalHarness.Japanese.Formats;
using EvalHarness.Japanese.Qa;
using EvalHarness.Japanese.Quality;
using EvalHarness.Japanese.Tokenization;

namespace EvalHarness.Japanese;

/// <summary>
/// Japanese as a first-class language: MeCab tokenization (<c>ja-mecab</c>, what BLEU and ROUGE use for
/// Japanese samples), llm-jp-eval's QA scorers, the Japanese quality checks, and the public Japanese
/// benchmark formats (JGLUE, llm-jp-eval, ELYZA-tasks-100, Japanese MT-Bench) with their prompts.
/// </summary>
public sealed class JapanesePack : IEvalPack
{
    public static JapanesePack Default { get; } = new();

    public string Name => "japanese";

    public void Register(EvalBuilder builder) => builder
        .AddTokenizer(JaMecabTokenizer.Default)
        .AddScorer(CharF1Scorer.Factory)
        .AddScorer(CharF1SquadScorer.Factory)
        .AddScorer(SetF1Scorer.Factory)
        .AddScorer(LlmJpExactMatchScorer.Factory)
        .AddScorer(LanguageFidelityScorer.Factory)
        .AddScorer(ScriptSanityScorer.Factory)
        .AddScorer(RegisterConsistencyScorer.Factory)
        .AddScorer(InstructionComplianceScorer.Factory)
        .AddScorer(KeigoScorer.Factory)
        .AddDatasetFormat(JCommonsenseQaFormat.Default)
        .AddDatasetFormat(JnliFormat.Default)
        .AddDatasetFormat(JsquadFormat.Default)
        .AddDatasetFormat(LlmJpEvalFormat.Default)
        .AddDatasetFormat(ElyzaTasks100Format.Default)
        .AddDatasetFormat(MtBenchJaFormat.Default);
}
