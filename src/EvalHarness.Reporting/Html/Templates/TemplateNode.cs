namespace EvalHarness.Reporting.Html.Templates;

/// <summary>One piece of a parsed page template; blocks hold their body and the part after <c>{{else}}</c>.</summary>
internal sealed class TemplateNode
{
    public required TemplateNodeKind Kind { get; init; }

    /// <summary>The text of a <see cref="TemplateNodeKind.Text"/> node; the path of a value or a block; the name of a helper.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<TemplateArgument> Arguments { get; init; } = [];

    public List<TemplateNode> Body { get; } = [];

    public List<TemplateNode> Inverse { get; } = [];
}
