using System.Globalization;
using System.Text.Json.Nodes;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Letters of an answer by script, and the units shares are computed over. Letters are a poor unit across
/// scripts: "rate limit" is nine letters and one term, 「制限」 two letters and one word, so counting letters
/// makes a Japanese sentence with a few English terms look English. A unit is therefore a word in the
/// alphabetic scripts (a run of Latin letters, or of other letters) and a character in kana, Han and Hangul,
/// where one or two characters make a word.
/// </summary>
internal sealed record ScriptCounts(int Hiragana, int Katakana, int Han, int Latin, int Hangul, int Other, int LatinWords = 0, int OtherWords = 0)
{
    public int Kana => Hiragana + Katakana;

    public int Japanese => Kana + Han;

    public int Letters => Japanese + Latin + Hangul + Other;

    /// <summary>Kana and Han characters, Hangul syllables, Latin and other words.</summary>
    public int Units => Japanese + Hangul + LatinWords + OtherWords;

    /// <summary>The share of <paramref name="part"/> units (use <see cref="Japanese"/>, <see cref="LatinWords"/>, ...) among all units.</summary>
    public double Share(int part) => Units == 0 ? 0 : (double)part / Units;

    /// <summary>"9 kana/Han characters, 4 Latin words": only the kinds present.</summary>
    public string UnitBreakdown()
    {
        var parts = new List<string>(4);
        Add(parts, "kana/Han characters", Japanese, first: false);
        Add(parts, "Latin words", LatinWords, first: false);
        Add(parts, "Hangul syllables", Hangul, first: false);
        Add(parts, "other words", OtherWords, first: false);
        return string.Join(", ", parts);
    }

    /// <summary>"hiragana 210, katakana 40, Han 146, Latin 16": only the scripts present.</summary>
    public string Breakdown()
    {
        var parts = new List<string>(6);
        Add(parts, "hiragana", Hiragana);
        Add(parts, "katakana", Katakana);
        Add(parts, "Han", Han);
        Add(parts, "Latin", Latin);
        Add(parts, "Hangul", Hangul);
        Add(parts, "other", Other);
        return string.Join(", ", parts);
    }

    public void WriteTo(JsonObject metadata)
    {
        metadata["units"] = Units;
        metadata["latin_words"] = LatinWords;
        metadata["other_words"] = OtherWords;
        metadata["letters"] = Letters;
        metadata["hiragana"] = Hiragana;
        metadata["katakana"] = Katakana;
        metadata["han"] = Han;
        metadata["latin"] = Latin;
        metadata["hangul"] = Hangul;
        metadata["other"] = Other;
    }

    private static void Add(List<string> parts, string name, int count, bool first = true)
    {
        if (count > 0)
        {
            var figure = count.ToString(CultureInfo.InvariantCulture);
            parts.Add(first ? name + " " + figure : figure + " " + name);
        }
    }
}
