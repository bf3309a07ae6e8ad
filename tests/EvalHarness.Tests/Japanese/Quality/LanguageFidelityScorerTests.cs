using EvalHarness.Japanese.Quality;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Japanese.Quality;

[TestFixture]
public sealed class LanguageFidelityScorerTests
{
    private const string JapanesePrompt = "富士山について簡単に説明してください。";

    private const string JapaneseAnswer =
        "富士山は静岡県と山梨県にまたがる日本最高峰の山で、標高は3,776メートルです。" +
        "2013年には「富士山－信仰の対象と芸術の源泉」としてユネスコの世界文化遺産に登録されました。" +
        "夏の登山シーズンには、毎年多くの登山者が山頂を目指します。";

    private const string EnglishAnswer =
        "Mount Fuji is the highest mountain in Japan, rising 3,776 metres on the border of Shizuoka and Yamanashi. " +
        "It was inscribed as a UNESCO World Cultural Heritage site in 2013, and thousands of climbers reach the summit every summer.";

    private static async Task<Score> ScoreOf(string output, string language = "ja", string options = "{}")
    {
        var scorer = LanguageFidelityScorer.Factory.Create(Options.Of(options));
        var sample = Samples.Make(input: JapanesePrompt, language: language);
        return await scorer.ScoreAsync(Samples.Input(sample, output), CancellationToken.None);
    }

    [Test]
    public async Task Japanese_answer_to_a_Japanese_prompt_passes()
    {
        var score = await ScoreOf(JapaneseAnswer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Answer, Is.EqualTo("ja"));
            Assert.That(score.Explanation, Does.StartWith("answered in Japanese: "));
            Assert.That(score.Metadata!["hiragana"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(score.Metadata!["han"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(score.Metadata!["latin"]!.GetValue<int>(), Is.EqualTo(0));
        }
    }

    [Test]
    public async Task English_only_answer_to_a_Japanese_prompt_fails_and_says_so()
    {
        var score = await ScoreOf(EnglishAnswer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.EqualTo("latin"));
            Assert.That(score.Explanation, Does.StartWith("answered in Latin script"));
            Assert.That(score.Explanation, Does.Contain("not Japanese: 0% Japanese script among"));
            Assert.That(score.Explanation, Does.Contain("at least 50% required"));
        }
    }

    [Test]
    public async Task Japanese_with_English_technical_terms_still_passes()
    {
        var score = await ScoreOf("ReactのuseEffectフックは、コンポーネントの描画後に副作用を実行するための仕組みです。依存配列を空にすると、マウント時に一度だけ実行されます。");

        Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
    }

    [Test]
    public async Task Chinese_without_kana_fails_as_Chinese()
    {
        var score = await ScoreOf("富士山是日本最高的山峰，海拔三千七百七十六米，位于静冈县和山梨县的交界处，二〇一三年被列入世界文化遗产名录。");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.EqualTo("zh"));
            Assert.That(score.Explanation, Does.StartWith("likely Chinese, not Japanese: "));
            Assert.That(score.Explanation, Does.Contain("no kana; simplified-only Chinese characters 产×1; Chinese function characters 是×1"));
            Assert.That(score.Metadata!["chinese_signals"]!.ToJsonString(), Is.EqualTo("[\"no_kana\",\"simplified_forms\",\"function_characters\"]"));
        }
    }

    [Test]
    public async Task Short_simplified_Chinese_fails_on_simplified_forms()
    {
        var score = await ScoreOf("这个问题很难，我们需要更多时间。");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.EqualTo("zh"));
            Assert.That(score.Explanation, Does.Contain("simplified-only Chinese characters 这×1, 问×1, 难×1, 们×1, 时×1"));
            Assert.That(score.Metadata!["chinese_signals"]!.ToJsonString(), Is.EqualTo("[\"no_kana\",\"simplified_forms\",\"function_characters\"]"));
        }
    }

    [Test]
    public async Task Japanese_that_drifts_into_Chinese_fails()
    {
        var score = await ScoreOf("富士山は日本一高い山です。这座山对于日本人来说有着特殊的意义，为什么这么说呢？因为它经常出现在文学和艺术作品中，还被认为是圣山。");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero, score.Explanation);
            Assert.That(score.Explanation, Does.Contain("simplified-only Chinese characters"));
        }
    }

    [Test]
    public async Task Japanese_quoting_a_few_Chinese_words_passes()
    {
        var score = await ScoreOf("中国語の「你们」は「あなたたち」、「这个」は「これ」という意味です。どちらも日常会話でよく使われます。");

        Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
    }

    [Test]
    public async Task Code_blocks_inline_code_and_URLs_do_not_count_against_a_Japanese_answer()
    {
        const string answer = """
            Pythonでファイルを一行ずつ読むには、次のように書きます。

            ```python
            from pathlib import Path

            def read_lines(path: str) -> list[str]:
                with Path(path).open(encoding="utf-8") as handle:
                    return [line.rstrip("\n") for line in handle]
            ```

            `encoding` を指定すると文字化けを防げます。詳しくは https://docs.python.org/ja/3/library/pathlib.html を参照してください。
            """;

        var score = await ScoreOf(answer);
        var withoutStripping = Scripts.Count(answer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((double)withoutStripping.Japanese / withoutStripping.Letters, Is.LessThan(0.5), "the test needs code that would outweigh the prose");
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Metadata!["ignored_code_blocks"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(score.Metadata!["ignored_inline_code"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(score.Metadata!["ignored_urls"]!.GetValue<int>(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task English_expected_passes_English_and_fails_Japanese()
    {
        var english = await ScoreOf(EnglishAnswer, language: "en");
        var japanese = await ScoreOf(JapaneseAnswer, language: "en-US");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(english.Value, Is.EqualTo(1), english.Explanation);
            Assert.That(english.Explanation, Does.StartWith("answered in Latin script: "));
            Assert.That(japanese.Value, Is.Zero);
            Assert.That(japanese.Explanation, Does.StartWith("answered in Japanese, not English: 0% Latin script"));
        }
    }

    [Test]
    public async Task Option_language_overrides_the_sample_metadata()
    {
        var score = await ScoreOf(EnglishAnswer, language: "en", options: "{\"language\": \"ja\"}");

        Assert.That(score.Value, Is.Zero);
    }

    [Test]
    public async Task Min_share_option_sets_the_threshold()
    {
        // 41 kana/Han characters and 5 Latin words (config, settings, yaml, database, host): 89%.
        const string mixed = "設定ファイルはconfigディレクトリのsettings.yamlにあります。接続先を変えるときは、database.hostの値を書き換えてください。";

        var lenient = await ScoreOf(mixed);
        var strict = await ScoreOf(mixed, options: "{\"min_share\": 0.95}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lenient.Value, Is.EqualTo(1), lenient.Explanation);
            Assert.That(strict.Value, Is.Zero);
            Assert.That(strict.Explanation, Does.StartWith("too little Japanese: "));
            Assert.That(strict.Explanation, Does.Contain("89% Japanese script among 46 units (41 kana/Han characters, 5 Latin words;"));
            Assert.That(strict.Explanation, Does.EndWith("at least 95% required"));
        }
    }

    [Test]
    public async Task Answer_without_letters_is_unscored()
    {
        var score = await ScoreOf("```\nprint(42)\n```\n42");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Null);
            Assert.That(score.Error, Does.StartWith("no letters to judge"));
        }
    }

    [Test]
    public async Task Unsupported_sample_language_is_unscored_with_the_reason()
    {
        var score = await ScoreOf("Le mont Fuji est la plus haute montagne du Japon.", language: "fr");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Null);
            Assert.That(score.Error, Does.Contain("language 'fr'"));
        }
    }

    [Test]
    public void Unknown_language_option_is_a_configuration_error()
    {
        var diagnostics = new DiagnosticBag();

        LanguageFidelityScorer.Factory.Create(Options.Of("{\"language\": \"klingon\"}", diagnostics));

        Assert.That(diagnostics.Items.Select(d => d.Message), Has.One.Contains("unknown language 'klingon'"));
    }

    [Test]
    public void Katakana_includes_half_width_forms_and_the_prolonged_sound_mark_but_not_the_middle_dot()
    {
        var counts = Scripts.Count("コーヒー・ｺｰﾋｰ 123 ！😊");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counts.Katakana, Is.EqualTo(8));
            Assert.That(counts.Letters, Is.EqualTo(8));
        }
    }

    [TestCase("APIのrate limitはHTTP 429で通知されます。")]
    [TestCase("DockerのimageをbuildしてからRegistryにpushしてください。")]
    [TestCase("JavaScriptのPromiseはasync/awaitで書くと読みやすくなります。")]
    public async Task Japanese_prose_with_English_terms_counts_each_term_as_one_word(string answer)
    {
        var score = await ScoreOf(answer);
        var letters = Scripts.Count(answer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((double)letters.Japanese / letters.Letters, Is.LessThan(0.5), "by letters the answer would fail");
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Answer, Is.EqualTo("ja"));
        }
    }

    [Test]
    public async Task Explanation_gives_units_and_letters()
    {
        var score = await ScoreOf("APIのrate limitはHTTP 429で通知されます。");

        using (Assert.EnterMultipleScope())
        {
            // の は で 通知されます: 9 characters; API, rate, limit, HTTP: 4 words.
            Assert.That(score.Explanation, Is.EqualTo("answered in Japanese: 69% Japanese script among 13 units (9 kana/Han characters, 4 Latin words; letters: hiragana 7, Han 2, Latin 16)"));
            Assert.That(score.Metadata!["units"]!.GetValue<int>(), Is.EqualTo(13));
            Assert.That(score.Metadata!["latin_words"]!.GetValue<int>(), Is.EqualTo(4));
        }
    }

    [Test]
    public async Task English_with_a_Japanese_word_still_fails()
    {
        var score = await ScoreOf("The capital of Japan is Tokyo (東京), home to about fourteen million people and the seat of government.");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero, score.Explanation);
            Assert.That(score.Answer, Is.EqualTo("latin"));
        }
    }

    [TestCase("日本的首都是東京。", "Chinese function characters 是×1")]
    [TestCase("我很喜欢寿司。", "Chinese function characters 很×1")]
    [TestCase("東京有很多公園吧", "Chinese function characters 很×1, 吧×1")]
    [TestCase("他昨天去了京都。", "Chinese function characters 了×1")]
    [TestCase("這個問題怎麼解決", "Chinese function characters 這×1, 怎×1, 麼×1")]
    public async Task Short_Chinese_without_kana_fails_on_positive_evidence(string answer, string evidence)
    {
        var score = await ScoreOf(answer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero, score.Explanation);
            Assert.That(score.Answer, Is.EqualTo("zh"));
            Assert.That(score.Explanation, Does.StartWith("likely Chinese, not Japanese: no kana; "));
            Assert.That(score.Explanation, Does.Contain(evidence));
        }
    }

    [TestCase("東京都千代田区永田町一丁目")]
    [TestCase("一石二鳥、温故知新、十人十色、一期一会、臨機応変、試行錯誤、異口同音、以心伝心、自業自得、画竜点睛")]
    [TestCase("具体的施策：業務効率化、国際的協力体制強化、年度内終了予定案件確認、是正措置実施")]
    [TestCase("大阪府大阪市北区梅田三丁目一番一号 大阪駅前第一ビル")]
    [TestCase("本日終了。明日以降再開予定。")]
    public async Task Japanese_without_kana_and_without_Chinese_evidence_passes(string answer)
    {
        var score = await ScoreOf(answer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Answer, Is.EqualTo("ja"));
            Assert.That(score.Metadata!["chinese_signals"]!.ToJsonString(), Is.EqualTo("[]"));
        }
    }

    [Test]
    public async Task Traditional_Chinese_after_a_Japanese_sentence_fails()
    {
        var score = await ScoreOf("富士山は日本一高い山です。這座山對於日本人來說很特別，為什麼這麼說呢？因為它是信仰的對象，也是藝術的源泉吧。");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero, score.Explanation);
            Assert.That(score.Explanation, Does.Contain("Chinese function characters"));
        }
    }
}
