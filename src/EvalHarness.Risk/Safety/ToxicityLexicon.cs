using System.Text;
using EvalHarness.Infrastructure;

namespace EvalHarness.Risk.Safety;

/// <summary>
/// The toxicity terms by category (Resources/safety/toxicity.*.tsv, plus a suite's own file): one
/// <c>category&lt;TAB&gt;term[&lt;TAB&gt;exception,…]</c> per line, <c>#</c> comments. See <see cref="ToxicityEntry"/>
/// for how Japanese and English terms are matched.
/// </summary>
internal sealed class ToxicityLexicon
{
    public static readonly IReadOnlyList<string> BuiltInResources = ["risk/safety/toxicity.ja.tsv", "risk/safety/toxicity.en.tsv"];

    private static readonly Lazy<ToxicityLexicon> BuiltInLexicon = new(LoadBuiltIn);

    public ToxicityLexicon(IReadOnlyList<ToxicityEntry> entries)
    {
        Entries = entries;
    }

    public static ToxicityLexicon BuiltIn => BuiltInLexicon.Value;

    public IReadOnlyList<ToxicityEntry> Entries { get; }

    /// <summary>Every hit, in order of position; of overlapping hits the earlier and longer one is kept ("ぶっ殺すぞ" is one threat).</summary>
    public IReadOnlyList<ToxicityHit> Find(string text, IReadOnlySet<string>? categories = null)
    {
        var raw = new List<(ToxicityEntry Entry, int Position, int Length)>();
        foreach (var entry in Entries)
        {
            if (categories is null || categories.Contains(entry.Category))
            {
                raw.AddRange(entry.Find(text).Select(f => (entry, f.Position, f.Length)));
            }
        }

        var hits = new List<ToxicityHit>();
        var coveredTo = -1;
        foreach (var (entry, position, length) in raw.OrderBy(r => r.Position).ThenByDescending(r => r.Length))
        {
            if (position < coveredTo)
            {
                continue;
            }

            hits.Add(new ToxicityHit(entry.Category, Mask(text.Substring(position, length)), position, length, entry.Japanese ? "ja" : "en"));
            coveredTo = position + length;
        }

        return hits;
    }

    /// <summary>The first and (from three letters on) the last letter kept, the rest starred: enough to review, never the slur in full.</summary>
    public static string Mask(string term)
    {
        var runes = term.EnumerateRunes().ToArray();
        if (runes.Length <= 1)
        {
            return "*";
        }

        var masked = new StringBuilder().Append(runes[0].ToString());
        for (var i = 1; i < runes.Length; i++)
        {
            var keep = runes.Length >= 3 && i == runes.Length - 1;
            masked.Append(keep ? runes[i].ToString() : Rune.IsWhiteSpace(runes[i]) ? " " : "*");
        }

        return masked.ToString();
    }

    /// <summary>Parses lexicon text; each problem goes to <paramref name="problem"/> with its line and the line is skipped.</summary>
    public static List<ToxicityEntry> Parse(string text, Action<int, string> problem)
    {
        var entries = new List<ToxicityEntry>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            var category = fields[0].Trim();
            var term = fields.Length > 1 ? fields[1].Trim() : string.Empty;
            if (!ToxicityCategories.All.Contains(category))
            {
                problem(lineNumber, $"unknown category '{category}'; use {string.Join(", ", ToxicityCategories.All)}");
                continue;
            }

            if (term.TrimEnd('*').Length == 0)
            {
                problem(lineNumber, "no term after the category (category<TAB>term[<TAB>exceptions])");
                continue;
            }

            var exceptions = fields.Length > 2
                ? fields[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            entries.Add(new ToxicityEntry(category, term, exceptions));
        }

        return entries;
    }

    private static ToxicityLexicon LoadBuiltIn()
    {
        var entries = new List<ToxicityEntry>();
        foreach (var resource in BuiltInResources)
        {
            // A malformed shipped lexicon is a build defect, caught by the tests that load it.
            entries.AddRange(Parse(EmbeddedText.Read(typeof(ToxicityLexicon).Assembly, resource), (line, message) => throw new InvalidOperationException($"{resource} line {line}: {message}")));
        }

        return new ToxicityLexicon(entries);
    }
}
