using EvalHarness.Japanese.Quality;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Japanese.Quality;

[TestFixture]
public sealed class ScriptSanityScorerTests
{
    private static async Task<Score> ScoreOf(string output)
    {
        var scorer = ScriptSanityScorer.Factory.Create(Options.Empty());
        return await scorer.ScoreAsync(Samples.Input(Samples.Make(language: "ja"), output), CancellationToken.None);
    }

    [TestCase("【お知らせ】本日は晴れ☀️です！気温は２５℃、湿度６０％でした。")]
    [TestCase("ｱﾘｶﾞﾄｳｺﾞｻﾞｲﾏｽ。ﾃｽﾄ用の半角カナです｡")]
    [TestCase("家族で旅行👨‍👩‍👧しました😊 ＃思い出 〜楽しかった〜")]
    [TestCase("価格は¥1,000（税込）、関数 ƒ(x) = x² の値は「約１．５」です。")]
    [TestCase("項目\t値\r\n名前\t山田太郎\n")]
    [TestCase("Café, résumé, naïve, Ærø — “quotes” and ‘apostrophes’…")]
    public async Task Normal_text_is_clean(string output)
    {
        var score = await ScoreOf(output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Explanation, Does.StartWith("clean"));
        }
    }

    [TestCase("結果: ã\u0081\u0082ã\u0082\u008aがとう", "mojibake_utf8_as_latin1")]
    [TestCase("ãƒ†ã‚¹ãƒˆ結果", "mojibake_utf8_as_latin1")]
    [TestCase("æ–‡å\u00AD—åŒ–ã\uFFFD‘", "mojibake_utf8_as_latin1")]
    [TestCase("The cafÃ© is open.", "mojibake_utf8_as_latin1")]
    [TestCase("Itâ€™s done.", "mojibake_utf8_as_latin1")]
    [TestCase("縺薙ｓ縺ｫ縺｡縺ｯ縲∽ｸ也阜", "mojibake_utf8_as_shift_jis")]
    [TestCase("譁・ｭ怜喧縺・", "mojibake_utf8_as_shift_jis")]
    [TestCase("‚±‚ñ‚É‚¿‚Í", "mojibake_shift_jis_as_latin1")]
    [TestCase("ƒeƒXƒg", "mojibake_shift_jis_as_latin1")]
    [TestCase("¤³¤ó¤Ë¤Á¤Ï", "mojibake_euc_jp_as_latin1")]
    [TestCase("¥Æ¥¹¥È", "mojibake_euc_jp_as_latin1")]
    public async Task Mojibake_signature_is_caught(string output, string kind)
    {
        var score = await ScoreOf(output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.EqualTo(kind), score.Explanation);
            Assert.That(score.Explanation, Does.StartWith("broken text: mojibake"));
            Assert.That(score.Metadata![kind]!.GetValue<int>(), Is.GreaterThan(0));
        }
    }

    [TestCase("東京は日本の首都で\uFFFDす。", "replacement_characters")]
    [TestCase("ベルが鳴る\u0007音", "control_characters")]
    [TestCase("赤字\u001B[31mエラー\u001B[0m", "control_characters")]
    [TestCase("NUL文字\u0000を含む", "control_characters")]
    [TestCase("削除\u007F記号", "control_characters")]
    [TestCase("C1制御\u0085文字", "control_characters")]
    [TestCase("外字\uE000です", "private_use")]
    [TestCase("補助私用面\uDB80\uDC00です", "private_use")]
    public async Task Broken_characters_are_caught(string output, string kind)
    {
        var score = await ScoreOf(output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.EqualTo(kind), score.Explanation);
            Assert.That(score.Metadata![kind]!.GetValue<int>(), Is.EqualTo(output.Contains('\u001B', StringComparison.Ordinal) ? 2 : 1));
        }
    }

    // Attribute arguments are stored as UTF-8, which cannot hold a lone surrogate, so these are built at run time.
    [TestCase("絵文字が", 0xD83D, "壊れた")]
    [TestCase("後半だけ", 0xDE00, "残った")]
    public async Task Lone_surrogates_are_caught(string before, int surrogate, string after)
    {
        await Broken_characters_are_caught(before + (char)surrogate + after, "lone_surrogates");
    }

    [Test]
    public async Task Explanation_gives_the_first_position_and_a_visible_excerpt()
    {
        var score = await ScoreOf("一行目は問題ありません。\n二行目に\u0007が\uFFFDあります。");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Explanation, Does.StartWith("broken text: control character at line 2, column 5 (code point 18): "));
            Assert.That(score.Explanation, Does.Contain("«…りません。 二行目に⟦[U+0007]⟧が\uFFFDあります。»"));
            Assert.That(score.Explanation, Does.Contain("found control character ×1, replacement character U+FFFD ×1"));
            Assert.That(score.Metadata!["first_line"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(score.Metadata!["first_column"]!.GetValue<int>(), Is.EqualTo(5));
        }
    }

    [Test]
    public async Task Column_counts_code_points_so_emoji_before_the_problem_count_once()
    {
        var score = await ScoreOf("😊😊\u0007");

        Assert.That(score.Metadata!["first_column"]!.GetValue<int>(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_single_signature_kanji_is_a_word_not_mojibake()
    {
        var score = await ScoreOf("彼は身を窶して町に潜んだ。");

        Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
    }
}
