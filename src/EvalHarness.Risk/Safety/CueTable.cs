using System.Text.RegularExpressions;
using EvalHarness.Infrastructure;

namespace EvalHarness.Risk.Safety;

/// <summary>
/// A phrase list shipped as an embedded resource: one <c>kind&lt;TAB&gt;regex</c> per line, <c>#</c> comments.
/// The lists are data so a reviewer can read and extend them without reading the detector.
/// </summary>
internal sealed class CueTable
{
    /// <summary>Every match is bounded: model output is untrusted and may be long.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private CueTable(string language, IReadOnlyList<(string Kind, Regex Pattern)> entries)
    {
        Language = language;
        Entries = entries;
    }

    public string Language { get; }

    public IReadOnlyList<(string Kind, Regex Pattern)> Entries { get; }

    public static CueTable Load(string resource, string language, IReadOnlySet<string> kinds)
    {
        var text = EmbeddedText.Read(typeof(CueTable).Assembly, resource);
        var entries = new List<(string, Regex)>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var kind = tab < 0 ? string.Empty : line[..tab];

            // A malformed shipped list is a build defect, caught by the tests that load every list.
            if (!kinds.Contains(kind))
            {
                throw new InvalidOperationException($"{resource} line {lineNumber}: unknown cue kind '{kind}'.");
            }

            entries.Add((kind, new Regex(line[(tab + 1)..], RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout)));
        }

        return new CueTable(language, entries);
    }
}
