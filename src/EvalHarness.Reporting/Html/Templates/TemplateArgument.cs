namespace EvalHarness.Reporting.Html.Templates;

/// <summary>A helper's argument: a quoted literal or a path into the data.</summary>
internal readonly record struct TemplateArgument(string? Literal, string? Path);
