using System.Globalization;
using System.Text.Json.Nodes;

namespace EvalHarness.Scorers.Japanese.Quality;

/// <summary>Letters of an answer by script.</summary>
internal sealed record ScriptCounts(int Hiragana, int Katakana, int Han, int Latin, int Hangul, int Other)
{
    public int Kana => Hiragana + Katakana;

    public int Japanese => Kana + Han;

    public int Letters => Japanese + Latin + Hangul + Other;

    public double Share(int part) => Letters == 0 ? 0 : (double)part / Letters;

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
        metadata["letters"] = Letters;
        metadata["hiragana"] = Hiragana;
        metadata["katakana"] = Katakana;
        metadata["han"] = Han;
        metadata["latin"] = Latin;
        metadata["hangul"] = Hangul;
        metadata["other"] = Other;
    }

    private static void Add(List<string> parts, string name, int count)
    {
        if (count > 0)
        {
            parts.Add(name + " " + count.ToString(CultureInfo.InvariantCulture));
        }
    }
}
