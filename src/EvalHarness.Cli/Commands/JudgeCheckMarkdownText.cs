using EvalHarness.Reporting.Markdown;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Makes untrusted text (item ids and labels from the labelled files, judge specs, judge errors quoting a
/// judge's reply) literal in a Markdown line or table cell: the run reports' rules, plus '#' and '!', since
/// here the text may start a line.
/// </summary>
internal static class JudgeCheckMarkdownText
{
    public static string Escape(string? text) =>
        MarkdownText.Escape(text).Replace("#", "\\#", StringComparison.Ordinal).Replace("!", "\\!", StringComparison.Ordinal);
}
