namespace EvalHarness.Models;

/// <summary>
/// A model named on the command line (<c>--model</c>, <c>--judge</c>), split the one way the harness
/// reads it: <c>kind/argument</c> (<c>openai/gpt-4o-mini</c>, <c>anthropic/claude-…</c>),
/// <c>kind:argument</c> (<c>replay:answers.jsonl</c>) or a bare <c>kind</c> (<c>demo</c>, <c>mock</c>).
/// Whichever of <c>/</c> and <c>:</c> comes first separates the kind, so model names may contain the
/// other (<c>openai/llama3.1:8b</c>) and paths may contain slashes (<c>replay:runs/a.jsonl</c>).
/// </summary>
public sealed record ModelSpec(string Text, string Kind, string? Argument)
{
    public static ModelSpec Parse(string text)
    {
        var cut = text.IndexOfAny(['/', ':']);
        return cut < 0 ? new ModelSpec(text, text, null) : new ModelSpec(text, text[..cut], text[(cut + 1)..]);
    }

    /// <summary>True when written as <c>kind:argument</c> (a file), rather than <c>kind/argument</c> (a model name).</summary>
    public bool NamesFile => Text.Length > Kind.Length && Text[Kind.Length] == ':';

    public override string ToString() => Text;
}
