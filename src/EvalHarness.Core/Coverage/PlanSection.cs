using System.Globalization;
using System.Text;

namespace EvalHarness.Coverage;

/// <summary>
/// A place in the AI Basic Plan, cited by number (chapter, section, the heading's paragraph or the numbered
/// initiative) with a short title of our own: the Plan's text is cited, not copied.
/// </summary>
/// <param name="Heading">Chapter 1's parenthesised heading the paragraph is counted from, e.g. "Mitigating risks".</param>
/// <param name="Item">A numbered initiative as the Plan numbers it, e.g. "(1) (iii)".</param>
/// <param name="Paragraph">1-based, counted from the heading, or from the start of the section's introduction.</param>
public sealed record PlanSection(int Chapter, int? Section, string? Heading, string? Item, int? Paragraph, string About)
{
    /// <summary>"Chapter 1 (Mitigating risks), paragraph 1", "Chapter 3, Section 4 (2) (iii)".</summary>
    public string Citation
    {
        get
        {
            var text = new StringBuilder("Chapter ").Append(Chapter.ToString(CultureInfo.InvariantCulture));
            if (Section is { } section)
            {
                text.Append(", Section ").Append(section.ToString(CultureInfo.InvariantCulture));
            }

            if (Heading is not null)
            {
                text.Append(" (").Append(Heading).Append(')');
            }

            if (Item is not null)
            {
                text.Append(' ').Append(Item);
            }

            if (Paragraph is { } paragraph)
            {
                text.Append(", paragraph ").Append(paragraph.ToString(CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }
    }
}
