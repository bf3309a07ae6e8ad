using System.Text.RegularExpressions;
using RegexMatch = System.Text.RegularExpressions.Match;
using EvalHarness.Scorers.Numeric;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Constraints stated in Japanese: 「100文字以内」「200字以下」「50文字程度」「300〜400字」「最低500字」
/// 「100字で要約」 (the exam convention: at most 100), 「3つ挙げて」「理由を三つ教えて」「理由を三つ、具体例とともに説明して」「箇条書きで5つ」,
/// 「3行で要約」, 「JSON形式で」, 「はいかいいえで答えて」, 「数字のみで」. The prompt is NFKC-normalised first, so
/// full-width digits and letters match too.
/// </summary>
internal static partial class JapaneseConstraints
{
    private const string Number = "[0-9][0-9,]*|[〇一二三四五六七八九十百千万]+";
    private const string ItemNumber = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";

    public static void Find(string prompt, List<Constraint> found)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (RegexMatch m in CharacterRange().Matches(prompt))
        {
            if (Parse(m.Groups["a"].Value) is { } a && Parse(m.Groups["b"].Value) is { } b && a <= b)
            {
                found.Add(new Constraint(ConstraintKind.Characters, Quote(m), a, b));
                ranges.Add((m.Index, m.Index + m.Length));
            }
        }

        foreach (RegexMatch m in CharacterBound().Matches(prompt))
        {
            if (ranges.Exists(r => m.Index < r.End && r.Start < m.Index + m.Length) || Parse(m.Groups["n"].Value) is not { } n)
            {
                continue;
            }

            if (Bound(m.Groups["pre"].Value, m.Groups["post"].Value, n, Quote(m)) is { } constraint)
            {
                found.Add(constraint);
            }
        }

        foreach (RegexMatch m in ItemCount().Matches(prompt))
        {
            if (ItemCountOf(m) is { } n)
            {
                found.Add(new Constraint(ConstraintKind.ListItems, Quote(m), n, n));
            }
        }

        foreach (RegexMatch m in ObjectCount().Matches(prompt))
        {
            if (ItemCountOf(m) is { } n)
            {
                found.Add(new Constraint(ConstraintKind.ListItems, Quote(m), n, n));
            }
        }

        foreach (RegexMatch m in LineCount().Matches(prompt))
        {
            if (Parse(m.Groups["n"].Value) is { } n and >= 1)
            {
                found.Add(new Constraint(ConstraintKind.Lines, Quote(m), Max: n));
            }
        }

        if (Json().Match(prompt) is { Success: true } json)
        {
            found.Add(new Constraint(ConstraintKind.Json, Quote(json)));
        }

        if (YesNo().Match(prompt) is { Success: true } yesNo)
        {
            found.Add(new Constraint(ConstraintKind.YesNo, Quote(yesNo)));
        }

        if (NumberOnly().Match(prompt) is { Success: true } number)
        {
            found.Add(new Constraint(ConstraintKind.NumberOnly, Quote(number)));
        }
    }

    private static Constraint? Bound(string pre, string post, int n, string source) => post switch
    {
        "以内" or "以下" or "まで" or "を超えない" or "を越えない" or "を上限" or "に収め" or "におさめ" or "で" => new(ConstraintKind.Characters, source, Max: n),
        "未満" => new(ConstraintKind.Characters, source, Max: n - 1),
        "以上" or "を下限" => new(ConstraintKind.Characters, source, Min: n),
        "を超え" or "を越え" => new(ConstraintKind.Characters, source, Min: n + 1),
        "程度" or "前後" or "くらい" or "ぐらい" or "位" => Constraint.Approximately(ConstraintKind.Characters, source, n),
        _ => pre switch
        {
            "最大" or "最長" => new(ConstraintKind.Characters, source, Max: n),
            "最低" or "最短" or "少なくとも" => new(ConstraintKind.Characters, source, Min: n),
            "約" or "およそ" or "おおよそ" or "大体" or "だいたい" => Constraint.Approximately(ConstraintKind.Characters, source, n),
            _ => null,
        },
    };

    private static int? ItemCountOf(RegexMatch m)
    {
        if (m.Groups["w"].Success)
        {
            return Array.IndexOf(NativeNumbers, m.Groups["w"].Value) + 1;
        }

        return Parse(m.Groups["n"].Value) is { } n and >= 1 and <= 50 ? n : null;
    }

    private static readonly string[] NativeNumbers = ["ひとつ", "ふたつ", "みっつ", "よっつ", "いつつ", "むっつ", "ななつ", "やっつ", "ここのつ"];

    internal static int? Parse(string token) =>
        NumberExtractor.Parse(token) is { } value && value >= 0 && value <= 1_000_000 && value == Math.Floor(value) ? (int)value : null;

    private static string Quote(RegexMatch m) => "「" + m.Value.Trim() + "」";

    [GeneratedRegex(@"(?<a>" + Number + @")\s*(?:文字|字)?\s*(?:〜|~|から|-)\s*(?<b>" + Number + @")\s*(?:文字|字)", RegexOptions.CultureInvariant, ProseText.TimeoutMilliseconds)]
    private static partial Regex CharacterRange();

    // 「N字で」 counts only before a verb of writing, so "100文字でも" or "10字で区切る" is not a limit.
    [GeneratedRegex(@"(?<pre>最大|最長|最低|最短|少なくとも|約|およそ|おおよそ|大体|だいたい)?\s*(?<n>" + Number + @")\s*(?:文字|字)\s*(?<post>以内|以下|まで|未満|以上|程度|前後|くらい|ぐらい|位|を超えない|を越えない|を超え|を越え|を上限|を下限|に収め|におさめ|で(?=[^。\n]{0,15}?(?:要約|まとめ|説明|述べ|答え|書|記述|表現|回答|紹介|教え)))?", RegexOptions.CultureInvariant, ProseText.TimeoutMilliseconds)]
    private static partial Regex CharacterBound();

    // The words between the count and the verb may not contain を or て, so "2つの文章を比較して違いを説明" is not a count;
    // a comma may follow the count (「3つ、箇条書きで挙げて」).
    [GeneratedRegex(@"(?:(?<n>" + ItemNumber + @")\s*(?:つ|個|点|項目|案|例|件|冊|人|種類|品|曲|箇所|か所|カ所|ヶ所)|(?<w>ひとつ|ふたつ|みっつ|よっつ|いつつ|むっつ|ななつ|やっつ|ここのつ))(?:の[^。、\nをて]{0,12}?)?(?:を|に|で|、)?\s*(?:挙げ|あげ|教え|示し|示せ|示す|書き出|書いて|書け|列挙|出して|出せ|リストアップ|提案|紹介|まとめ|述べ|説明|答え|箇条書き|ピックアップ)|箇条書き(?:で|にして|形式で)?\s*(?:(?<n>" + ItemNumber + @")\s*(?:つ|個|点|項目)|(?<w>ひとつ|ふたつ|みっつ|よっつ|いつつ|むっつ|ななつ|やっつ|ここのつ))", RegexOptions.CultureInvariant, ProseText.TimeoutMilliseconds)]
    private static partial Regex ItemCount();

    // 「理由を三つ、具体例とともに説明して」: a count right after the object marker を is how many of the object are
    // wanted, whatever words come before the verb in the same sentence. ずつ ("two each") is not a total.
    [GeneratedRegex(@"(?<=を\s*)(?:(?<n>" + ItemNumber + @")\s*(?:つ|個|点|項目|案|例|件|冊|人|種類|品|曲|箇所|か所|カ所|ヶ所)|(?<w>ひとつ|ふたつ|みっつ|よっつ|いつつ|むっつ|ななつ|やっつ|ここのつ))(?!\s*ずつ)(?:ほど|程度|ぐらい|くらい)?[^。\n?!]{0,20}?(?:挙げ|あげ|教え|示|書|列挙|出し|出せ|リストアップ|提案|紹介|まとめ|述べ|説明|答え|箇条書き|ピックアップ|考え|お願い|ください|下さい|提示|作成|作って)", RegexOptions.CultureInvariant, ProseText.TimeoutMilliseconds)]
    private static partial Regex ObjectCount();

    // 「3行で要約」「5行以内」: like 「100字で」, a number of lines is a ceiling. 「1行目」 or 「3行目を」 is not.
    [GeneratedRegex(@"(?<n>" + ItemNumber + @")\s*行\s*(?:以内|以下|まで|に収め|におさめ|で(?=[^。\n]{0,15}?(?:要約|まとめ|説明|述べ|答え|書|記述|表現|回答|紹介|教え)))", RegexOptions.CultureInvariant, ProseText.TimeoutMilliseconds)]
    private static partial Regex LineCount();

    [GeneratedRegex(@"JSON\s*(?:形式|フォーマット|オブジェクト|配列)(?!について|とは|の(?:説明|特徴|利点|メリット|違い))|JSON\s*(?:で|として)\s*(?:出力|回答|答え|返|記述|書|表|示|応答)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex Json();

    [GeneratedRegex(@"「?はい」?\s*(?:か|または|もしくは|/|・|、)\s*「?いいえ」?\s*(?:の\s*(?:どちらか|いずれか)\s*)?(?:で|のみで|だけで)", RegexOptions.CultureInvariant, ProseText.TimeoutMilliseconds)]
    private static partial Regex YesNo();

    [GeneratedRegex(@"(?:数字|数値)\s*(?:のみ|だけ)\s*(?:で|を)", RegexOptions.CultureInvariant, ProseText.TimeoutMilliseconds)]
    private static partial Regex NumberOnly();
}
