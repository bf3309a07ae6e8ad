using EvalHarness.Infrastructure;
using EvalHarness.Solvers;

namespace EvalHarness.Japanese.Formats;

/// <summary>The prompts formats build inputs with, shipped as embedded resources.</summary>
internal static class FormatPrompts
{
    private static readonly Lazy<PromptTemplate> JnliJa = new(() => Load("jnli_ja.txt"));
    private static readonly Lazy<PromptTemplate> JsquadJa = new(() => Load("jsquad_ja.txt"));

    /// <summary>Uses <c>{premise}</c> and <c>{hypothesis}</c>.</summary>
    public static PromptTemplate Jnli => JnliJa.Value;

    /// <summary>Uses <c>{context}</c> and <c>{question}</c>.</summary>
    public static PromptTemplate Jsquad => JsquadJa.Value;

    /// <summary>Fills a template in one pass, so text that happens to contain <c>{question}</c> is never expanded again.</summary>
    public static string Render(PromptTemplate template, IReadOnlyDictionary<string, string> values) =>
        template.Render(name => values.GetValueOrDefault(name));

    private static PromptTemplate Load(string name) =>
        new(EmbeddedText.Read(typeof(FormatPrompts).Assembly, "EvalHarness.Japanese.Resources.Prompts." + name).TrimEnd('\n'));
}
