using EvalHarness.Japanese.MeCab;

namespace EvalHarness.Tests.Japanese.MeCab;

/// <summary>
/// The P/Invoke binding to libmecab.so.2 with Debian's mecab-ipadic-utf8. Expected morphemes come from the
/// mecab command-line tool of the same packages (Debian 12: mecab 0.996-14+b14, mecab-ipadic-utf8
/// 2.7.0-20070801+main-3), run as
/// <c>echo TEXT | mecab -r /dev/null -d /var/lib/mecab/dic/ipadic-utf8 -F '%m\t%s\t%H\n' -U '%m\t%s\t%H\n'</c>
/// (surface, node status 0 = known / 1 = unknown, the full feature string): a separate program reading the
/// dictionary through its own code path, so these are not values the binding produced about itself.
/// </summary>
[TestFixture]
public sealed class MeCabTaggerTests
{
    private static MeCabTagger Tagger => MeCabTagger.Default;

    [Test]
    public void A_polite_sentence_gives_surface_part_of_speech_conjugation_and_base_form()
    {
        var tokens = Tagger.Tokenize("今日は晴れです。");

        Assert.That(tokens.Select(t => t.ToString()), Is.EqualTo(new[]
        {
            "今日\t名詞,副詞可能,*,*,*,*,今日,キョウ,キョー",
            "は\t助詞,係助詞,*,*,*,*,は,ハ,ワ",
            "晴れ\t名詞,一般,*,*,*,*,晴れ,ハレ,ハレ",
            "です\t助動詞,*,*,*,特殊・デス,基本形,です,デス,デス",
            "。\t記号,句点,*,*,*,*,。,。,。",
        }));
        var desu = tokens[3];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(desu.Surface, Is.EqualTo("です"));
            Assert.That(desu.PartOfSpeech, Is.EqualTo("助動詞"));
            Assert.That(desu.PartOfSpeechDetail1, Is.Null, "'*' reads as null");
            Assert.That(desu.ConjugationType, Is.EqualTo("特殊・デス"));
            Assert.That(desu.ConjugationForm, Is.EqualTo("基本形"));
            Assert.That(desu.BaseForm, Is.EqualTo("です"));
            Assert.That(desu.Reading, Is.EqualTo("デス"));
            Assert.That(desu.Pronunciation, Is.EqualTo("デス"));
            Assert.That(desu.IsUnknown, Is.False);
            Assert.That(tokens[1].Pronunciation, Is.EqualTo("ワ"), "the particle は is pronounced ワ");
        }
    }

    [Test]
    public void Conjugated_verbs_and_auxiliaries_expose_type_form_and_base_form()
    {
        // mecab: 走ら 動詞,自立,*,*,五段・ラ行,未然形,走る,ハシラ,ハシラ / なかっ 助動詞,*,*,*,特殊・ナイ,連用タ接続,ない,...
        var tokens = Tagger.Tokenize("彼は走らなかった");

        Assert.That(tokens.Select(t => t.Surface), Is.EqualTo(new[] { "彼", "は", "走ら", "なかっ", "た" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((tokens[0].PartOfSpeech, tokens[0].PartOfSpeechDetail1, tokens[0].PartOfSpeechDetail2), Is.EqualTo(("名詞", "代名詞", "一般")));
            Assert.That((tokens[2].PartOfSpeech, tokens[2].PartOfSpeechDetail1), Is.EqualTo(("動詞", "自立")));
            Assert.That((tokens[2].ConjugationType, tokens[2].ConjugationForm, tokens[2].BaseForm), Is.EqualTo(("五段・ラ行", "未然形", "走る")));
            Assert.That((tokens[3].ConjugationType, tokens[3].ConjugationForm, tokens[3].BaseForm), Is.EqualTo(("特殊・ナイ", "連用タ接続", "ない")));
            Assert.That((tokens[4].ConjugationType, tokens[4].ConjugationForm, tokens[4].BaseForm), Is.EqualTo(("特殊・タ", "基本形", "た")));
        }
    }

    [Test]
    public void Part_of_speech_details_go_three_levels_deep()
    {
        // mecab: 東京 名詞,固有名詞,地域,一般,*,*,東京,トウキョウ,トーキョー; ましょ 助動詞,*,*,*,特殊・マス,未然ウ接続,ます
        var tokens = Tagger.Tokenize("東京へ行きましょう");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tokens.Select(t => t.Surface), Is.EqualTo(new[] { "東京", "へ", "行き", "ましょ", "う" }));
            Assert.That((tokens[0].PartOfSpeechDetail1, tokens[0].PartOfSpeechDetail2, tokens[0].PartOfSpeechDetail3), Is.EqualTo(("固有名詞", "地域", "一般")));
            Assert.That(tokens[0].Pronunciation, Is.EqualTo("トーキョー"));
            Assert.That((tokens[2].ConjugationType, tokens[2].ConjugationForm, tokens[2].BaseForm), Is.EqualTo(("五段・カ行促音便", "連用形", "行く")));
            Assert.That((tokens[3].ConjugationType, tokens[3].ConjugationForm, tokens[3].BaseForm), Is.EqualTo(("特殊・マス", "未然ウ接続", "ます")));
        }
    }

    [Test]
    public void Unknown_words_are_flagged_and_have_no_base_form()
    {
        // mecab -F %s: ググ 1 名詞,一般,*,*,*,*,* (seven fields: no base form, reading or pronunciation).
        var tokens = Tagger.Tokenize("ググったらエモかった");

        Assert.That(tokens.Select(t => (t.Surface, t.IsUnknown)), Is.EqualTo(new[]
        {
            ("ググ", true), ("っ", false), ("たら", false), ("エモ", true), ("かっ", false), ("た", false),
        }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tokens[0].Features, Is.EqualTo("名詞,一般,*,*,*,*,*"));
            Assert.That(tokens[0].PartOfSpeech, Is.EqualTo("名詞"));
            Assert.That(tokens[0].BaseForm, Is.Null);
            Assert.That(tokens[0].Reading, Is.Null);
            Assert.That(tokens[0].Pronunciation, Is.Null);
        }
    }

    [Test]
    public void Half_width_katakana_non_bmp_kanji_and_zwj_emoji_keep_their_code_points()
    {
        // mecab -F '%m\t%s\t%H': ｶﾀｶﾅ 1 名詞,一般 / と 0 / 𠮷 1 記号,一般 / 野家 0 名詞,固有名詞,地域 /
        // 👨 1 記号 / U+200D 1 名詞,サ変接続 / 👩 1 / U+200D 1 / 👧 1: MeCab splits a ZWJ family into five tokens.
        var tokens = Tagger.Tokenize("ｶﾀｶﾅと𠮷野家👨\u200D👩\u200D👧");

        Assert.That(tokens.Select(t => (t.Surface, t.IsUnknown, t.PartOfSpeech)), Is.EqualTo(new[]
        {
            ("ｶﾀｶﾅ", true, "名詞"), ("と", false, "助詞"), ("𠮷", true, "記号"), ("野家", false, "名詞"),
            ("👨", true, "記号"), ("\u200D", true, "名詞"), ("👩", true, "記号"), ("\u200D", true, "名詞"), ("👧", true, "記号"),
        }));
    }

    [Test]
    public void Empty_and_whitespace_only_texts_have_no_morphemes()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tagger.Tokenize(string.Empty), Is.Empty);
            Assert.That(Tagger.Surfaces(string.Empty), Is.Empty);
            Assert.That(Tagger.Tokenize(" \t\n"), Is.Empty);
            Assert.That(Tagger.Surfaces(" \t\n"), Is.Empty);
        }
    }

    /// <summary>
    /// Texts that are easy to get wrong when cutting surfaces out of the UTF-8 copy MeCab sees. Test cases
    /// carry only the key: NUnit drops a case whose argument holds a lone surrogate.
    /// </summary>
    private static readonly Dictionary<string, string> AwkwardTexts = new(StringComparer.Ordinal)
    {
        ["empty"] = string.Empty,
        ["plain"] = "新しい図書館は駅の北口から歩いて五分のところにあります。",
        ["surrogate pairs"] = "𠮷野家で𩸽を食べた🍣",
        ["ZWJ sequence and variation selectors"] = "家族👨\u200D👩\u200D👧\u200D👦と葛\U000E0100城市❤\uFE0F",
        ["half-width and full-width forms"] = "ｶﾞｲﾄﾞﾌﾞｯｸは１２００円、ﾃｽﾄ123",
        ["newlines"] = "一行目\n二行目\r\n三行目\n\n",
        ["Unicode spaces"] = "\u3000全角\u3000空白\u00A0と\u2003em\u200Bゼロ幅 ",
        ["leading and trailing spaces"] = "   前後に空白   ",
        ["tabs and control characters"] = "a\tb\u000Bc\u000Cd\u0000e\u0085f",
        ["Latin-1 letters"] = "Café naïve résumé über ÐÐ日本Ð",
        ["lone surrogates"] = "壊れた\uD800文字と\uDC00",
        ["longer than the stack buffer"] = string.Concat(Enumerable.Repeat("吾輩は猫である。名前はまだ無い。🐈\n", 200)),
    };

    private static IEnumerable<TestCaseData> AwkwardTextNames() => AwkwardTexts.Keys.Select(k => new TestCaseData(k).SetArgDisplayNames(k));

    [TestCaseSource(nameof(AwkwardTextNames))]
    public void Surfaces_agree_with_tokenize_and_are_cut_from_the_text(string what)
    {
        var text = AwkwardTexts[what];
        var tokens = Tagger.Tokenize(text).Select(t => t.Surface).ToList();
        var surfaces = Tagger.Surfaces(text);
        var appended = new List<string> { "kept" };
        Tagger.AppendSurfaces(text, appended);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(surfaces, Is.EqualTo(tokens), "Surfaces and Tokenize");
            Assert.That(appended, Is.EqualTo(new[] { "kept" }.Concat(tokens)), "AppendSurfaces appends");
            Assert.That(surfaces, Has.None.Empty, "no empty surface");

            // Between morphemes MeCab skips exactly U+0020, U+0009, U+000A and U+000B with this dictionary
            // (found by putting every BMP character between two kanji), so the surfaces put back together
            // are the text without those four: nothing lost, nothing replaced.
            char[] skipped = [' ', '\t', '\n', '\u000B'];
            Assert.That(string.Concat(surfaces), Is.EqualTo(new string(text.Where(c => !skipped.Contains(c)).ToArray())), "surfaces cover the text");
        }
    }

    [Test]
    public void The_version_is_the_library_s()
    {
        // `mecab -v` prints "mecab of 0.996"; sacreBLEU's signature embeds the same version (tok:ja-mecab-0.996-IPA).
        Assert.That(Tagger.Version, Is.EqualTo("0.996"));
        Assert.That(Tagger.DictionaryPath, Is.EqualTo(MeCabTagger.DictionaryDirectory()));
    }

    [Test]
    public void A_directory_with_spaces_is_one_argument()
    {
        // The dictionary path goes to MeCab as one argument: a path with a space must not be split.
        using var dir = new Support.TempDirectory();
        var spaced = dir.Combine("ipa dic");
        Directory.CreateDirectory(spaced);
        foreach (var file in Directory.EnumerateFiles(MeCabTagger.DictionaryDirectory()))
        {
            File.CreateSymbolicLink(Path.Combine(spaced, Path.GetFileName(file)), file);
        }

        using var tagger = new MeCabTagger(spaced);

        Assert.That(tagger.Surfaces("今日は晴れです。"), Is.EqualTo(new[] { "今日", "は", "晴れ", "です", "。" }));
    }

    [Test]
    public void A_disposed_tagger_refuses_work_instead_of_using_freed_memory()
    {
        var tagger = new MeCabTagger(MeCabTagger.DictionaryDirectory());
        Assert.That(tagger.Surfaces("猫"), Is.EqualTo(new[] { "猫" }));

        tagger.Dispose();

        Assert.Throws<ObjectDisposedException>(() => tagger.Tokenize("猫"));
        Assert.Throws<ObjectDisposedException>(() => tagger.Surfaces("猫"));
        Assert.DoesNotThrow(tagger.Dispose, "disposing twice is harmless");
    }
}
