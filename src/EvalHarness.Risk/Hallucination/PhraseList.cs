using System.Text.RegularExpressions;
using EvalHarness.Infrastructure;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// A list of regular expressions shipped as an embedded data file (<c>risk/hallucination/&lt;name&gt;</c>),
/// one per line, '#' comments: the phrases are data that reviewers can read and extend without touching code.
/// </summary>
internal sealed class PhraseList
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private PhraseList(string name, IReadOnlyList<Regex> patterns)
    {
        Name = name;
        Patterns = patterns;
    }

    public string Name { get; }

    public IReadOnlyList<Regex> Patterns { get; }

    public static PhraseList Load(string file) => Parse(file, Resource(file));

    public static PhraseList Parse(string name, string text)
    {
        var patterns = new List<Regex>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            patterns.Add(new Regex(line, Options, TimeSpan.FromSeconds(1)));
        }

        return new PhraseList(name, patterns);
    }

    /// <summary>The embedded text of <c>risk/hallucination/<paramref name="file"/></c>.</summary>
    public static string Resource(string file) => EmbeddedText.Read(typeof(PhraseList).Assembly, "risk/hallucination/" + file);

    /// <summary>The first match in <paramref name="text"/>, or null.</summary>
    public Match? Find(string text)
    {
        foreach (var pattern in Patterns)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return match;
            }
        }

        return null;
    }

    public bool Matches(string text) => Find(text) is not null;
}
