using System.Text.Json;
using EvalHarness.Japanese.MeCab;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Keigo forms matched by dictionary form, so one entry covers every conjugation: 「いらっしゃる」 matches
/// いらっしゃいます, いらっしゃいましたら and いらっしゃれば; 「お見えになる」 (お + 見える + に + なる) matches
/// お見えになりました. A form matches where the output has the same run of MeCab base forms.
/// </summary>
internal static class KeigoForms
{
    /// <summary>A metadata value as a list of forms: a JSON list of text, or one form as plain text. Null with an error otherwise.</summary>
    public static List<string>? Read(IReadOnlyDictionary<string, string> metadata, string key, out string? error)
    {
        error = null;
        if (!metadata.TryGetValue(key, out var value))
        {
            return [];
        }

        if (!value.TrimStart().StartsWith('['))
        {
            return value.Trim().Length == 0 ? Invalid(key, value, out error) : [value.Trim()];
        }

        try
        {
            using var doc = JsonDocument.Parse(value);
            var items = doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()!.Trim() : string.Empty).ToList();
            return items.Count > 0 && items.TrueForAll(i => i.Length > 0) ? items : Invalid(key, value, out error);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Invalid(key, value, out error);
        }
    }

    /// <summary>The first place the form occurs in the tokens: the surface text found there; null when absent.</summary>
    public static string? Find(List<MeCabToken> output, string form, MeCabTagger tagger)
    {
        var pattern = tagger.Tokenize(form).Select(Lemma).ToList();
        for (var start = 0; pattern.Count > 0 && start + pattern.Count <= output.Count; start++)
        {
            var matches = true;
            for (var k = 0; k < pattern.Count && matches; k++)
            {
                matches = Lemma(output[start + k]) == pattern[k];
            }

            if (matches)
            {
                // Show the conjugated word as written, with the auxiliaries that follow a verb (参り + ます).
                var end = start + pattern.Count;
                while (end < output.Count && output[end].PartOfSpeech == "助動詞")
                {
                    end++;
                }

                return string.Concat(output.Skip(start).Take(end - start).Select(t => t.Surface));
            }
        }

        return null;
    }

    private static string Lemma(MeCabToken token) => token.BaseForm ?? token.Surface;

    private static List<string>? Invalid(string key, string value, out string? error)
    {
        error = $"metadata '{key}' must be a keigo form or a JSON list of them (for example [\"いらっしゃる\", \"お見えになる\"]), not '{value}'";
        return null;
    }
}
