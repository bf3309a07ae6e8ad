namespace EvalHarness.Reporting.Html.Templates;

/// <summary>What a piece of a parsed page template does.</summary>
internal enum TemplateNodeKind
{
    /// <summary>Text of the template, written as it is.</summary>
    Text,

    /// <summary><c>{{path}}</c>: a value, HTML-escaped.</summary>
    Value,

    /// <summary><c>{{{path}}}</c>: a value the view built as HTML (the page's own CSS and script, SVG bars), written as it is.</summary>
    RawValue,

    /// <summary><c>{{name arg …}}</c>: a helper, whose output is HTML.</summary>
    Helper,

    /// <summary><c>{{#if path}}…{{else}}…{{/if}}</c>.</summary>
    If,

    /// <summary><c>{{#unless path}}…{{else}}…{{/unless}}</c>.</summary>
    Unless,

    /// <summary><c>{{#each path}}…{{else}}…{{/each}}</c>: the body once per item, with the item as context.</summary>
    Each,
}
