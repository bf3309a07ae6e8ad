namespace EvalHarness.Reporting.Html.Templates;

/// <summary>What a template's paths are read from: the context object, and inside <c>each</c> the item's position.</summary>
internal sealed record TemplateScope(object? Context, TemplateScope.EachData? Data)
{
    public sealed record EachData(int Index, bool Last, string? Key);
}
