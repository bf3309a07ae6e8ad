namespace EvalHarness.Reporting.Html.Templates;

/// <summary>A run of text or one <c>{{…}}</c> statement, before the standalone lines are trimmed and blocks are nested.</summary>
internal sealed class TemplateToken
{
    /// <summary>Text as it stands in the template; null for a statement.</summary>
    public string? Original { get; init; }

    /// <summary>Text after trimming around standalone statements.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The statement between the braces, trimmed ("#if Ready", "/if", "else", "t \"title\"").</summary>
    public string Statement { get; init; } = string.Empty;

    /// <summary>A triple-brace statement, written without escaping.</summary>
    public bool Raw { get; init; }

    public bool IsText => Original is not null;

    /// <summary>A block's opening, its else or its end: alone on a line, such a statement takes its line with it.</summary>
    public bool IsStandaloneKind => !IsText && !Raw && (Statement.StartsWith('#') || Statement.StartsWith('/') || Statement == "else");
}
